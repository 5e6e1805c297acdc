using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Throttling;

/// <summary>
/// Counts hits per bucket in fixed windows in platform_throttle, so every instance of the host shares the count: a bucket
/// names what is limited and for whom ("reset:ip:1.2.3.4", "reset:user:zhang", "registration:ip:…"). The window starts
/// with the bucket's first hit and restarts with the first hit after it ends. Time is the injected clock.
/// </summary>
public sealed class Throttle(DbConnectionFactory db, TimeProvider clock)
{
    private const string Select = "SELECT hits AS Hits, window_started_at AS WindowStartedAt FROM platform_throttle {0} WHERE bucket = @Bucket {1}";
    private const string Insert = "INSERT INTO platform_throttle (bucket, hits, window_started_at) VALUES (@Bucket, 1, @Now)";
    private const string Restart = "UPDATE platform_throttle SET hits = 1, window_started_at = @Now WHERE bucket = @Bucket";
    private const string Count = "UPDATE platform_throttle SET hits = hits + 1 WHERE bucket = @Bucket";

    /// <summary>
    /// Counts one hit on <paramref name="bucket"/>: true when it is within <paramref name="limit"/> hits per
    /// <paramref name="window"/>, false (and not counted) when the limit is reached.
    /// </summary>
    public async Task<bool> TryHitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        if (bucket.Length > 200)
        {
            throw new ArgumentException("A throttle bucket has at most 200 characters.", nameof(bucket));
        }
        try
        {
            return await HitAsync(bucket, limit, window, ct);
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent first hit on the same bucket inserted the row; count this one against it.
            return await HitAsync(bucket, limit, window, ct);
        }
    }

    private async Task<bool> HitAsync(string bucket, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var select = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, db.Dialect.LockHint, db.Dialect.ForUpdate);
            var row = await connection.QuerySingleOrDefaultAsync<Row>(select, new { Bucket = bucket }, tx);
            bool allowed;
            if (row is null)
            {
                await connection.ExecuteAsync(Insert, new { Bucket = bucket, Now = now }, tx);
                allowed = limit >= 1;
            }
            else if (row.WindowStartedAt.Add(window) <= now || row.WindowStartedAt > now)
            {
                await connection.ExecuteAsync(Restart, new { Bucket = bucket, Now = now }, tx);
                allowed = limit >= 1;
            }
            else if (row.Hits >= limit)
            {
                return false;
            }
            else
            {
                await connection.ExecuteAsync(Count, new { Bucket = bucket }, tx);
                allowed = true;
            }
            await tx.CommitAsync(ct);
            return allowed;
        }
    }

    private sealed class Row
    {
        public int Hits { get; set; }
        public DateTimeOffset WindowStartedAt { get; set; }
    }
}
