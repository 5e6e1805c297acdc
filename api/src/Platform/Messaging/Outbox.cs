using System.Data.Common;
using System.Text.Json;
using Dapper;
using Jiebang.Platform.Database;
using Jiebang.Platform.Errors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiebang.Platform.Messaging;

/// <summary>Notifications written in one transaction, delivered by <see cref="Outbox.DispatchAsync"/> after it commits.</summary>
public sealed class OutboxEntries
{
    internal List<(Guid Id, IMessage Message)> Items { get; } = [];

    public static OutboxEntries None { get; } = new();

    public int Count => Items.Count;
}

/// <summary>
/// Notifications between modules, written in the same transaction as the change that causes them, so a change that
/// committed is never left without its consequences in the other modules: the request delivers them right after commit;
/// if the process dies first, or a handler fails, <see cref="OutboxDispatcher"/> delivers them again once the claim has
/// lapsed. Delivery is at least once, in the order written; every handler is idempotent.
/// </summary>
public sealed class Outbox(DbConnectionFactory db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<Outbox> logger)
{
    /// <summary>How long a writer or dispatcher owns an undelivered row before another may deliver it.</summary>
    public static readonly TimeSpan Claim = TimeSpan.FromSeconds(30);

    private const string Insert = """
        INSERT INTO platform_outbox (id, type, payload, created_at, claimed_until, dispatched_at, attempts, last_error)
        VALUES (@Id, @Type, @Payload, @Now, @ClaimedUntil, NULL, 0, NULL)
        """;

    private const string TakeClaim = """
        UPDATE platform_outbox SET claimed_until = @ClaimedUntil, attempts = attempts + 1
        WHERE id = @Id AND dispatched_at IS NULL AND claimed_until <= @Now
        """;

    private const string Delivered = "UPDATE platform_outbox SET dispatched_at = @Now, last_error = NULL WHERE id = @Id";

    private const string Failed = "UPDATE platform_outbox SET last_error = @Error WHERE id = @Id";

    private const string Due = """
        SELECT id AS Id, type AS Type, payload AS Payload FROM platform_outbox
        WHERE dispatched_at IS NULL AND claimed_until <= @Now ORDER BY seq
        """;

    /// <summary>
    /// Messages renamed since they were first written (stored type name → current one), so a row written before an upgrade
    /// and not yet delivered is still delivered after it.
    /// </summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["Jiebang.Challenges.Contracts.ChallengeNeedApproved, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.ApproveChallengeNeed, Jiebang.Challenges.Contracts",
        ["Jiebang.Challenges.Contracts.ChallengeNeedRejected, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.RejectChallengeNeed, Jiebang.Challenges.Contracts",
        ["Jiebang.Challenges.Contracts.ChallengeAwarded, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.MarkChallengeAwarded, Jiebang.Challenges.Contracts",
        ["Jiebang.Challenges.Contracts.ChallengeUnawarded, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.MarkChallengeUnawarded, Jiebang.Challenges.Contracts",
        ["Jiebang.Challenges.Contracts.ChallengeCompleted, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.MarkChallengeCompleted, Jiebang.Challenges.Contracts",
        ["Jiebang.Challenges.Contracts.ChallengeTerminated, Jiebang.Challenges.Contracts"] =
            "Jiebang.Challenges.Contracts.MarkChallengeTerminated, Jiebang.Challenges.Contracts",
        ["Jiebang.Applications.Contracts.ApplicationSelected, Jiebang.Applications.Contracts"] =
            "Jiebang.Applications.Contracts.MarkApplicationSelected, Jiebang.Applications.Contracts",
        ["Jiebang.Applications.Contracts.ApplicationNotSelected, Jiebang.Applications.Contracts"] =
            "Jiebang.Applications.Contracts.MarkApplicationNotSelected, Jiebang.Applications.Contracts",
        ["Jiebang.Applications.Contracts.ApplicationContracted, Jiebang.Applications.Contracts"] =
            "Jiebang.Applications.Contracts.MarkApplicationContracted, Jiebang.Applications.Contracts",
    };

    /// <summary>
    /// Writes messages (events, and commands to another module) inside the caller's transaction; deliver them with
    /// <see cref="DispatchAsync"/> after commit.
    /// </summary>
    public async Task<OutboxEntries> EnqueueAsync(DbConnection connection, DbTransaction tx, params IMessage[] messages)
    {
        var entries = new OutboxEntries();
        var now = clock.GetUtcNow();
        foreach (var message in messages)
        {
            var id = Guid.CreateVersion7();
            var type = message.GetType();
            await connection.ExecuteAsync(Insert, new
            {
                Id = id,
                Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
                Payload = JsonSerializer.Serialize(message, type, JsonDefaults.Options),
                Now = now,
                ClaimedUntil = now + Claim,
            }, tx);
            entries.Items.Add((id, message));
        }
        return entries;
    }

    /// <summary>
    /// Delivers what <see cref="EnqueueAsync"/> wrote, once its transaction has committed. A handler's failure is kept
    /// on the row for the dispatcher to retry; the change itself stands, so the caller still gets its answer.
    /// </summary>
    public async Task DispatchAsync(OutboxEntries entries, CancellationToken ct = default)
    {
        foreach (var (id, message) in entries.Items)
        {
            await DeliverAsync(id, message);
        }
    }

    /// <summary>Delivers every row whose claim has lapsed (written by a process that died, or whose handler failed).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        List<DueRow> due;
        await using (var connection = await db.OpenAsync(ct))
        {
            due = (await connection.QueryAsync<DueRow>(Due, new { Now = clock.GetUtcNow() })).AsList();
        }
        var delivered = 0;
        foreach (var row in due)
        {
            ct.ThrowIfCancellationRequested();
            await using (var connection = await db.OpenAsync(ct))
            {
                var now = clock.GetUtcNow();
                if (await connection.ExecuteAsync(TakeClaim, new { row.Id, Now = now, ClaimedUntil = now + Claim }) != 1)
                {
                    continue;
                }
            }
            var type = Type.GetType(Renamed.GetValueOrDefault(row.Type, row.Type), throwOnError: false);
            if (type is null || JsonSerializer.Deserialize(row.Payload, type, JsonDefaults.Options) is not IMessage message
                || message is not (INotification or ICommand))
            {
                await RecordFailureAsync(row.Id, $"unknown message type {row.Type}");
                continue;
            }
            if (await DeliverAsync(row.Id, message))
            {
                delivered++;
            }
        }
        return delivered;
    }

    private async Task<bool> DeliverAsync(Guid id, IMessage message)
    {
        try
        {
            // Delivered to the end even if the caller has gone: the change is committed and its consequences must follow.
            await using (var scope = scopes.CreateAsyncScope())
            {
                if (message is ICommand command)
                {
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, CancellationToken.None);
                }
                else
                {
                    await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish((INotification)message, CancellationToken.None);
                }
            }
            await using var connection = await db.OpenAsync();
            await connection.ExecuteAsync(Delivered, new { Id = id, Now = clock.GetUtcNow() });
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Outbox {Id}: delivering {Type} failed; the dispatcher will retry", id, message.GetType().Name);
            await RecordFailureAsync(id, ex.GetType().Name + ": " + ex.Message);
            return false;
        }
    }

    private async Task RecordFailureAsync(Guid id, string error)
    {
        try
        {
            await using var connection = await db.OpenAsync();
            await connection.ExecuteAsync(Failed, new { Id = id, Error = error.Length > 2000 ? error[..2000] : error });
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            logger.LogError(ex, "Outbox {Id}: could not record the failure; the row stays undelivered", id);
        }
    }

    private sealed class DueRow
    {
        public Guid Id { get; set; }
        public string Type { get; set; } = "";
        public string Payload { get; set; } = "";
    }
}
