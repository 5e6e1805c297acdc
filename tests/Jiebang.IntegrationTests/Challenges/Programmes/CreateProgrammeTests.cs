using System.Net;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Challenges.Programmes;

public abstract class ProgrammesTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Only_the_task_force_creates_programmes_and_a_duplicate_code_is_refused()
    {
        var issuer = await Host.As(Cast.IssuerA);
        await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson("/api/v1/programmes",
                new { code = "X1", name = "x", operatorName = "y", targetConsortia = 30, targetYear = 2025 })
            .ExpectProblem(HttpStatusCode.Forbidden, "forbidden"));
        var tf = await Host.As(Cast.TaskForce);
        var code = Scenario.Unique("P");
        var body = new { code, name = "工程", operatorName = "管委会", targetConsortia = 30, targetYear = 2025 };
        await tf.PostJson("/api/v1/programmes", body).Expect(HttpStatusCode.Created);
        await DatabaseSnapshot.Unchanged(Host, () => tf.PostJson("/api/v1/programmes", body)
            .ExpectProblem(HttpStatusCode.Conflict, "programme.code_taken"));
    }
}

public sealed class ProgrammesTestsOnSqlite(SqliteHost host) : ProgrammesTests(host), IClassFixture<SqliteHost>;
public sealed class ProgrammesTestsOnPostgres(PostgresHost host) : ProgrammesTests(host), IClassFixture<PostgresHost>;
public sealed class ProgrammesTestsOnSqlServer(SqlServerHost host) : ProgrammesTests(host), IClassFixture<SqlServerHost>;
