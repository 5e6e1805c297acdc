using System.Net;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Faults;

/// <summary>Optimistic concurrency under real contention: many writers with the same If-Match, exactly one wins.</summary>
public abstract class ConcurrentUpdateTests(JiebangHost host) : HostTests(host)
{
    [Fact]
    public async Task Ten_updates_sent_at_once_with_the_same_if_match_leave_exactly_one_winner_and_the_rest_412()
    {
        var batch = await Scenario.OpenBatchAsync();
        var batchId = Guid.Parse((string)batch["id"]!);
        var draft = await Scenario.DraftAsync(batchId);
        var id = (string)draft["id"]!;
        var issuer = await Host.As(Cast.IssuerA);

        var titles = Enumerable.Range(0, 10).Select(i => $"并发修订标题{i}").ToList();
        var responses = await Task.WhenAll(titles.Select(t => issuer.PutJson($"/api/v1/challenges/{id}", Scenario.ChallengeChanges(t), "\"1\"")));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        var winner = titles[statuses.IndexOf(HttpStatusCode.OK)];

        var current = await issuer.GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK);
        Assert.Equal(winner, (string?)current["title"]);
        Assert.Equal(2, (int)current["version"]!);
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM platform_audit WHERE entity_id = @Id AND action = 'Update'", new { Id = Guid.Parse(id) }));
    }
}

public sealed class ConcurrentUpdateTestsOnSqlite(SqliteHost host) : ConcurrentUpdateTests(host), IClassFixture<SqliteHost>;

public sealed class ConcurrentUpdateTestsOnPostgres(PostgresHost host) : ConcurrentUpdateTests(host), IClassFixture<PostgresHost>;

public sealed class ConcurrentUpdateTestsOnSqlServer(SqlServerHost host) : ConcurrentUpdateTests(host), IClassFixture<SqlServerHost>;
