using Dapper;
using Jiebang.Challenges.Features.ListBatches;
using Jiebang.Platform.Database;
using Jiebang.Platform.Feed;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Appends "window opened" and "window closed" events for published batches once the clock has passed the moment.
/// The check is a plain read; only when something is due does it take the feed's lock and look again, so concurrent
/// readers never append the same event twice.
/// </summary>
internal sealed class BatchWindowFeed(DbConnectionFactory db, FeedWriter feed, TimeProvider clock) : IFeedCatchUp
{
    private const string Due = """
        SELECT b.id AS Id, b.code AS Code, b.opens_at AS OpensAt, b.closes_at AS ClosesAt, @Opened AS Type
        FROM challenges_batch b
        WHERE b.status = @Published AND b.opens_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM platform_feed_event e WHERE e.resource_id = b.id AND e.type = @Opened)
        UNION ALL
        SELECT b.id AS Id, b.code AS Code, b.opens_at AS OpensAt, b.closes_at AS ClosesAt, @Closed AS Type
        FROM challenges_batch b
        WHERE b.status = @Published AND b.closes_at <= @Now
          AND NOT EXISTS (SELECT 1 FROM platform_feed_event e WHERE e.resource_id = b.id AND e.type = @Closed)
        """;

    public async Task CatchUpAsync(CancellationToken ct)
    {
        var args = new
        {
            Now = clock.GetUtcNow(),
            Published = nameof(BatchStatus.Published),
            Opened = FeedTypes.BatchWindowOpened,
            Closed = FeedTypes.BatchWindowClosed,
        };
        await using (var reader = await db.OpenAsync(ct))
        {
            if (!(await reader.QueryAsync<DueEvent>(Due, args)).Any())
            {
                return;
            }
        }

        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await feed.LockAsync(connection, tx);
            var due = (await connection.QueryAsync<DueEvent>(Due, args, tx))
                .OrderBy(d => d.Type == FeedTypes.BatchWindowOpened ? d.OpensAt : d.ClosesAt)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ToList();
            await feed.AppendAsync(connection, tx, due.Select(d => new FeedEvent(d.Type, "batch", d.Id, IsPublic: true,
                new Dictionary<string, string>
                {
                    ["code"] = d.Code,
                    ["opensAt"] = d.OpensAt.ToString("O"),
                    ["closesAt"] = d.ClosesAt.ToString("O"),
                },
                OccurredAt: d.Type == FeedTypes.BatchWindowOpened ? d.OpensAt : d.ClosesAt)).ToList());
            await tx.CommitAsync(ct);
        }
    }

    private sealed class DueEvent
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        public string Type { get; set; } = "";
    }
}
