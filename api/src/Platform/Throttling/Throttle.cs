using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Throttling;

/// <summary>
/// Fixed-window counters for anonymous operations (self-registration, password reset) in platform_throttle, so every
/// instance of the host counts together. A bucket names what is counted: "registration:ip:1.2.3.4", "reset:user:&lt;id&gt;".
/// A hit is committed on its own, whatever the request it counts then does: a refused attempt counts too.
/// </summary>
public sealed class Throttle(DbConnectionFactory db, TimeProvider clock)
{
    private const string Columns = "bucket AS Bucket, hits AS Hits, window_started_at AS WindowStartedAt";

    private const string Insert = "INSERT INTO platform_throttle (bucket, hits, window_started_at) VALUES (@Bucket, 1, @Now)";

    private const string Restart = "UPDATE platform_throttle SET hits = 1, window_started_at = @Now WHERE bucket = @Bucket";

    private const string Count = "UPDATE platform_throttle SET hits = hits + 1 WHERE bucket = @Bucket";

    /// <summary>
    /// Counts one hit on <paramref name="bucket"/>; true while the window (which starts at the first hit) has at most
    /// <paramref name="limit"/> hits, false once it is over the limit (the refused hit is not counted).
    /// </summary>
    public async Task<bool> TryHitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var (connection, tx) = await db.BeginAsync(ct);
            await using (connection)
            await using (tx)
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    $"SELECT {Columns} FROM platform_throttle {db.Dialect.LockHint} WHERE bucket = @Bucket {db.Dialect.ForUpdate}",
                    new { Bucket = bucket }, tx);
                try
                {
                    if (row is null)
                    {
                        await connection.ExecuteAsync(Insert, new { Bucket = bucket, Now = now }, tx);
                    }
                    else if (row.WindowStartedAt.Add(window) <= now)
                    {
                        await connection.ExecuteAsync(Restart, new { Bucket = bucket, Now = now }, tx);
                    }
                    else if (row.Hits >= limit)
                    {
                        return false;
                    }
                    else
                    {
                        await connection.ExecuteAsync(Count, new { Bucket = bucket }, tx);
                    }
                }
                catch (Exception ex) when (DbErrors.IsUniqueViolation(ex) && attempt == 0)
                {
                    // A concurrent first hit inserted the row: count again against it.
                    continue;
                }
                await tx.CommitAsync(ct);
                return true;
            }
        }
    }

    private sealed class Row
    {
        public string Bucket { get; set; } = "";
        public int Hits { get; set; }
        public DateTimeOffset WindowStartedAt { get; set; }
    }
}
