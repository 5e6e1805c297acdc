using System.Net;
using System.Net.Http.Json;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform;

public abstract class HealthAndAuthTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Ready_and_live_answer_200_on_a_migrated_database()
    {
        var client = Host.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_is_issued_for_right_credentials_and_refused_for_wrong_ones()
    {
        var client = Host.Anonymous();
        var ok = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.IssuerA, password = JiebangHost.Password })
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Issuer", (string?)ok["user"]!["role"]);
        Assert.Equal(Host.Cast.IssuerAOrg.ToString(), (string?)ok["user"]!["organisationId"]);
        Assert.False(string.IsNullOrEmpty((string?)ok["accessToken"]));

        await DatabaseSnapshot.Unchanged(Host, () =>
            client.PostAsJsonAsync("/api/v1/auth/token", new { userName = Cast.IssuerA, password = "wrong" })
                .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials"));
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" })
            .ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "", password = "" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task A_protected_operation_without_credentials_answers_401_problem_and_a_wrong_role_403()
    {
        await Host.Anonymous().GetAsync("/api/v1/audit").ExpectProblem(HttpStatusCode.Unauthorized, "auth.required");
        var issuer = await Host.As(Cast.IssuerA);
        await issuer.GetAsync("/api/v1/audit").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        var bogusKey = Host.WithApiKey("jbk_00000000_not-a-key");
        await bogusKey.GetAsync("/api/v1/auth/me").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await bogusKey.GetAsync("/api/v1/challenges").ExpectProblem(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Me_returns_the_signed_in_user_and_the_auditor_reads_the_audit_log()
    {
        var me = await (await Host.As(Cast.Applicant)).GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.OK);
        Assert.Equal(Cast.Applicant, (string?)me["userName"]);
        await (await Host.As(Cast.Auditor)).GetAsync("/api/v1/audit?pageSize=5").Expect(HttpStatusCode.OK);
    }
}

public sealed class HealthAndAuthTestsOnSqlite(SqliteHost host) : HealthAndAuthTests(host), IClassFixture<SqliteHost>;
public sealed class HealthAndAuthTestsOnPostgres(PostgresHost host) : HealthAndAuthTests(host), IClassFixture<PostgresHost>;
public sealed class HealthAndAuthTestsOnSqlServer(SqlServerHost host) : HealthAndAuthTests(host), IClassFixture<SqlServerHost>;
