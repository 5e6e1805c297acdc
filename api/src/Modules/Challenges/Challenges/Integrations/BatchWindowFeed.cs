using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Data;
using Jiebang.Challenges.Domain;
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
    public async Task<bool> IsDueAsync(DbConnection connection, CancellationToken ct) =>
        (await connection.QueryAsync<BatchStore.DueEvent>(BatchStore.DueWindowEvents, Arguments())).Any();

    public async Task AppendDueAsync(DbConnection connection, DbTransaction tx, FeedWriter feed, CancellationToken ct)
    {
        var due = (await connection.QueryAsync<BatchStore.DueEvent>(BatchStore.DueWindowEvents, Arguments(), tx))
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
}
