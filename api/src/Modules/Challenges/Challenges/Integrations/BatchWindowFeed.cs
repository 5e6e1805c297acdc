using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Features.ListBatches;
using Jiebang.Platform.Feed;

namespace Jiebang.Challenges.Integrations;

/// <summary>
/// Appends "window opened" and "window closed" events for published batches once the clock has passed the moment.
/// The feed's sequencer calls it under its lock, after a plain read said something is due, so concurrent readers never
/// append the same event twice. Appended events are sequenced in the same transaction, so "not yet in the feed" is
/// a question about platform_feed_event alone.
/// </summary>
internal sealed class BatchWindowFeed(TimeProvider clock) : IFeedCatchUp
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

    public async Task<bool> IsDueAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<DueEvent>(Due, Arguments())).Any();

    public async Task AppendDueAsync(DbConnection connection, DbTransaction tx, FeedWriter feed, CancellationToken ct)
    {
        var due = (await connection.QueryAsync<DueEvent>(Due, Arguments(), tx))
            .OrderBy(d => d.Type == FeedTypes.BatchWindowOpened ? d.OpensAt : d.ClosesAt)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        await feed.AppendAsync(connection, tx, due.Select(d => new FeedEvent(d.Type, "batch", d.Id, FeedAudience.Everyone,
            new Dictionary<string, string>
            {
                ["code"] = d.Code,
                ["opensAt"] = d.OpensAt.ToString("O"),
                ["closesAt"] = d.ClosesAt.ToString("O"),
            },
            OccurredAt: d.Type == FeedTypes.BatchWindowOpened ? d.OpensAt : d.ClosesAt)).ToList());
    }

    private object Arguments() => new
    {
        Now = clock.GetUtcNow(),
        Published = nameof(BatchStatus.Published),
        Opened = FeedTypes.BatchWindowOpened,
        Closed = FeedTypes.BatchWindowClosed,
    };

    private sealed class DueEvent
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        public string Type { get; set; } = "";
    }
}
