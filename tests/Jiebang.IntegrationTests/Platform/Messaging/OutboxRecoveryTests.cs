using System.Net;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Messaging;

/// <summary>
/// A change commits with its notifications in the outbox. These tests take the place of a process that died between
/// commit and delivery: the dispatcher (the host's background service, polling every second here) delivers what was
/// left, exactly once, after the writer's claim lapses.
/// </summary>
public abstract class OutboxRecoveryTests(JiebangHost host) : HostTests(host)
{
    private const string Undelivered = "SELECT COUNT(*) FROM platform_outbox WHERE dispatched_at IS NULL";

    [Fact]
    public async Task Notifications_of_a_request_are_delivered_before_it_answers()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(Undelivered));
        var batchPublished = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM platform_outbox WHERE type LIKE '%BatchPublished%' AND payload LIKE @Id",
            new { Id = "%" + (string)challenge["id"]! + "%" });
        Assert.Equal(1, batchPublished);
    }

    [Fact]
    public async Task A_notification_committed_but_never_delivered_is_delivered_once_by_the_dispatcher()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var id = Guid.Parse((string)challenge["id"]!);
        var outbox = Host.Services.GetRequiredService<Outbox>();
        var (connection, tx) = await Host.Db.BeginAsync();
        await using (connection)
        await using (tx)
        {
            // The change and its notification committed; the process "died" before delivering it.
            await outbox.EnqueueAsync(connection, tx, new ChallengeUnawarded(id, Guid.Empty, "测试：提交后进程中断 / test: process died after commit"));
            await tx.CommitAsync();
        }

        // While the writer's claim holds, nobody else delivers it.
        Assert.Equal(0, await outbox.DispatchDueAsync(CancellationToken.None));
        Assert.Equal("Published", await StatusAsync(id));

        var started = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(started + Outbox.Claim + TimeSpan.FromSeconds(1));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await StatusAsync(id) != "Unawarded" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
            Assert.Equal("Unawarded", await StatusAsync(id));
            await using var check = await Host.Db.OpenAsync();
            var row = await check.QuerySingleAsync<(long Attempts, int Delivered)>(
                "SELECT attempts, CASE WHEN dispatched_at IS NULL THEN 0 ELSE 1 END FROM platform_outbox WHERE payload LIKE @Id AND type LIKE '%ChallengeUnawarded%'",
                new { Id = "%" + id + "%" });
            Assert.Equal((1L, 1), row);
            Assert.Equal(0, await outbox.DispatchDueAsync(CancellationToken.None));
            var audit = await (await Host.As(Cast.TaskForce)).GetAsync($"/api/v1/audit?entityId={id}&action=Unaward").Expect(HttpStatusCode.OK);
            Assert.Equal(1, (int)audit["total"]!);
        }
        finally
        {
            Host.Clock.SetUtcNow(started);
        }
    }

    private async Task<string> StatusAsync(Guid id) =>
        (string)(await Host.Anonymous().GetAsync($"/api/v1/challenges/{id}").Expect(HttpStatusCode.OK))["status"]!;
}

public sealed class OutboxSqliteHost : SqliteHost
{
    public OutboxSqliteHost() => Settings["Outbox:PollSeconds"] = "1";
}

public sealed class OutboxPostgresHost : PostgresHost
{
    public OutboxPostgresHost() => Settings["Outbox:PollSeconds"] = "1";
}

public sealed class OutboxRecoveryTestsOnSqlite(OutboxSqliteHost host) : OutboxRecoveryTests(host), IClassFixture<OutboxSqliteHost>;

public sealed class OutboxRecoveryTestsOnPostgres(OutboxPostgresHost host) : OutboxRecoveryTests(host), IClassFixture<OutboxPostgresHost>;

public sealed class OutboxSqlServerHost : SqlServerHost
{
    public OutboxSqlServerHost() => Settings["Outbox:PollSeconds"] = "1";
}

public sealed class OutboxRecoveryTestsOnSqlServer(OutboxSqlServerHost host) : OutboxRecoveryTests(host), IClassFixture<OutboxSqlServerHost>;
