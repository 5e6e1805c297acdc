using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Applications.Applications;

/// <summary>The applicant's own use cases: drafting, editing, reading and submitting an application.</summary>
public abstract partial class ApplicationTests(JiebangHost host) : HostTests(host)
{
    private ApplicationScenario Apps => new(Host);

    private async Task<(JsonNode Challenge, JsonNode Batch, JsonNode Draft)> DraftAsync(object[]? members = null)
    {
        var (challenge, batch) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge, members)).Expect(HttpStatusCode.Created);
        return (challenge, batch, draft);
    }
}

public sealed class ApplicationTestsOnSqlite(SqliteHost host) : ApplicationTests(host), IClassFixture<SqliteHost>;
public sealed class ApplicationTestsOnPostgres(PostgresHost host) : ApplicationTests(host), IClassFixture<PostgresHost>;
public sealed class ApplicationTestsOnSqlServer(SqlServerHost host) : ApplicationTests(host), IClassFixture<SqlServerHost>;
