using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Feed;

/// <summary>
/// Gives committed feed events their positions. Under the counter row's lock it asks the catch-ups for what has become
/// due, then moves every committed waiting event to platform_feed_event, numbered after the last position in the order
/// the events were written (the identity order follows commit order for changes that depend on each other). Because
/// positions are handed out only here, in one transaction at a time, and only to events already committed, a reader that
/// has seen position N never later finds a smaller one appear, while the writers themselves never wait on one another.
/// </summary>
public sealed class FeedSequencer(DbConnectionFactory db, FeedWriter feed, IEnumerable<IFeedCatchUp> catchUps)
{
    private const string AnyPending = "SELECT CASE WHEN EXISTS (SELECT 1 FROM platform_feed_pending) THEN 1 ELSE 0 END";
    private const string Lock = "UPDATE platform_feed_counter SET last_position = last_position WHERE id = 1";
    private const string Last = "SELECT last_position FROM platform_feed_counter WHERE id = 1";

    // Each statement names the moved events by id (never "seq up to N"): on PostgreSQL each statement sees the rows
    // committed when it starts, and a waiting event committed in between must stay for the next run, not be deleted.
    private const string Move = """
        INSERT INTO platform_feed_event (position, id, occurred_at, type, resource_type, resource_id, is_public, payload)
        SELECT @Last + ROW_NUMBER() OVER (ORDER BY p.seq), p.id, p.occurred_at, p.type, p.resource_type, p.resource_id, p.is_public, p.payload
        FROM platform_feed_pending p
        """;

    private const string MoveReaders = """
        INSERT INTO platform_feed_reader (position, organisation_id, role)
        SELECT e.position, r.organisation_id, r.role
        FROM platform_feed_event e JOIN platform_feed_pending_reader r ON r.event_id = e.id
        WHERE e.position > @Last
        """;

    private const string ForgetReaders =
        "DELETE FROM platform_feed_pending_reader WHERE event_id IN (SELECT e.id FROM platform_feed_event e WHERE e.position > @Last)";

    private const string Forget =
        "DELETE FROM platform_feed_pending WHERE id IN (SELECT e.id FROM platform_feed_event e WHERE e.position > @Last)";

    private const string Advance = "UPDATE platform_feed_counter SET last_position = @Position WHERE id = 1";

    public async Task SequenceAsync(CancellationToken ct)
    {
        await using (var reader = await db.OpenAsync(ct))
        {
            if (!await IsWorkWaitingAsync(reader, ct))
            {
                return;
            }
        }

        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            await connection.ExecuteAsync(Lock, transaction: tx);
            foreach (var catchUp in catchUps)
            {
                await catchUp.AppendDueAsync(connection, tx, feed, ct);
            }
            var last = await connection.ExecuteScalarAsync<long>(Last, transaction: tx);
            var moved = await connection.ExecuteAsync(Move, new { Last = last }, tx);
            if (moved > 0)
            {
                await connection.ExecuteAsync(MoveReaders, new { Last = last }, tx);
                await connection.ExecuteAsync(ForgetReaders, new { Last = last }, tx);
                await connection.ExecuteAsync(Forget, new { Last = last }, tx);
                await connection.ExecuteAsync(Advance, new { Position = last + moved }, tx);
            }
            await tx.CommitAsync(ct);
        }
    }

    private async Task<bool> IsWorkWaitingAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        var pending = await connection.ExecuteScalarAsync<int>(AnyPending);
        if (pending > 0)
        {
            return true;
        }
        foreach (var catchUp in catchUps)
        {
            if (await catchUp.IsDueAsync(connection, ct))
            {
                return true;
            }
        }
        return false;
    }
}
