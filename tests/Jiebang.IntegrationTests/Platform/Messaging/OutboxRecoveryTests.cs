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
    public async Task Messages_of_a_request_are_delivered_before_it_answers()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var applicant = await Host.As(Cast.Applicant);
        var draft = await applicant.PostJson("/api/v1/applications", ApplicationBodies.Complete(challenge)).Expect(HttpStatusCode.Created);
        await applicant.PostJson($"/api/v1/applications/{draft["id"]}/submit").Expect(HttpStatusCode.OK);
        await using var connection = await Host.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(Undelivered));
        var submitted = await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM platform_outbox WHERE type LIKE '%ApplicationSubmitted%' AND payload LIKE @Id AND dispatched_at IS NOT NULL",
            new { Id = "%" + (string)draft["id"]! + "%" });
        Assert.Equal(1, submitted);
    }

    [Fact]
    public async Task A_message_stored_under_its_former_name_before_an_upgrade_is_still_delivered()
    {
        var (challenge, _) = await Scenario.PublishedAsync();
        var id = Guid.Parse((string)challenge["id"]!);
        await using (var connection = await Host.Db.OpenAsync())
        {
            // Written by a version where the command was still called ChallengeUnawarded, and never delivered.
            await connection.ExecuteAsync("""
                INSERT INTO platform_outbox (id, type, payload, created_at, claimed_until, dispatched_at, attempts, last_error)
                VALUES (@Id, @Type, @Payload, @Now, @Now, NULL, 0, NULL)
                """, new
            {
                Id = Guid.CreateVersion7(),
                Type = "Jiebang.Challenges.Contracts.ChallengeUnawarded, Jiebang.Challenges.Contracts",
                Payload = $$"""{"challengeId":"{{id}}","roundId":"{{Guid.Empty}}","reason":"测试：升级前写入 / test: written before an upgrade"}""",
                Now = Host.Clock.GetUtcNow().AddSeconds(-1),
            });
        }
        Assert.Equal(1, await Host.Services.GetRequiredService<Outbox>().DispatchDueAsync(CancellationToken.None));
        Assert.Equal("Unawarded", await StatusAsync(id));
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
            await outbox.EnqueueAsync(connection, tx, new MarkChallengeUnawarded(id, Guid.Empty, "测试：提交后进程中断 / test: process died after commit"));
            await tx.CommitAsync();
        }

        // While the writer's claim holds, nobody else delivers it.
        Assert.Equal(0, await outbox.DispatchDueAsync(CancellationToken.None));
        Assert.Equal("Published", await StatusAsync(id));

        var started = Host.Clock.GetUtcNow();
        try
        {
            Host.Clock.SetUtcNow(started + Outbox.Claim + TimeSpan.FromSeconds(1));
            // The dispatcher runs on its own (every second, real time: its interval is not business time), so the test waits
            // for the delivery's effect, up to a deadline only a dispatcher that never delivers reaches.
            await Poll.UntilAsync(() => StatusAsync(id), status => status == "Unawarded", TimeSpan.FromSeconds(30),
                "the dispatcher delivers the lapsed notification (the challenge becomes Unawarded)", TimeSpan.FromMilliseconds(200));
            await using var check = await Host.Db.OpenAsync();
            var row = await check.QuerySingleAsync<(long Attempts, int Delivered)>(
                "SELECT attempts, CASE WHEN dispatched_at IS NULL THEN 0 ELSE 1 END FROM platform_outbox WHERE payload LIKE @Id AND type LIKE '%MarkChallengeUnawarded%'",
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
