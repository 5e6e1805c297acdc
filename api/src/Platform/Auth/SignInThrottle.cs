using Dapper;
using Jiebang.Platform.Database;

namespace Jiebang.Platform.Auth;

/// <summary>
/// Locks a user name after repeated failed sign-ins. Counted per name typed (existing or not, so the lockout tells
/// nothing about which accounts exist) in the database, so every instance of the host sees the same count.
/// </summary>
public sealed class SignInThrottle(DbConnectionFactory db, AuthOptions options, TimeProvider clock)
{
    private const string Columns =
        "user_name AS UserName, failures AS Failures, first_failed_at AS FirstFailedAt, locked_until AS LockedUntil";

    private const string Select = $"SELECT {Columns} FROM platform_login_throttle WHERE user_name = @UserName";

    private const string Update = """
        UPDATE platform_login_throttle SET failures = @Failures, first_failed_at = @FirstFailedAt, locked_until = @LockedUntil
        WHERE user_name = @UserName
        """;

    private const string Insert = """
        INSERT INTO platform_login_throttle (user_name, failures, first_failed_at, locked_until)
        VALUES (@UserName, @Failures, @FirstFailedAt, @LockedUntil)
        """;

    private const string Clear = "DELETE FROM platform_login_throttle WHERE user_name = @UserName";

    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    /// <summary>When the name is locked, how long until it may try again.</summary>
    public async Task<TimeSpan?> LockedForAsync(string userName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select, new { UserName = Normalise(userName) });
        var now = clock.GetUtcNow();
        return row?.LockedUntil is { } until && until > now ? until - now : null;
    }

    /// <summary>Counts a failure; returns the lockout when this failure reached the limit.</summary>
    public async Task<TimeSpan?> FailedAsync(string userName, CancellationToken ct)
    {
        var name = Normalise(userName);
        var now = clock.GetUtcNow();
        var (connection, tx) = await db.BeginAsync(ct);
        await using (connection)
        await using (tx)
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                $"SELECT {Columns} FROM platform_login_throttle {db.Dialect.LockHint} WHERE user_name = @UserName {db.Dialect.ForUpdate}",
                new { UserName = name }, tx);
            var fresh = row is null || row.FirstFailedAt < now.AddMinutes(-options.FailureWindowMinutes) || row.LockedUntil is { } past && past <= now;
            var failures = fresh ? 1 : row!.Failures + 1;
            var first = fresh ? now : row!.FirstFailedAt;
            DateTimeOffset? lockedUntil = failures >= options.MaxFailedSignIns ? now.AddMinutes(options.LockoutMinutes) : null;
            var args = new { UserName = name, Failures = failures, FirstFailedAt = first, LockedUntil = lockedUntil };
            if (row is null)
            {
                try
                {
                    await connection.ExecuteAsync(Insert, args, tx);
                }
                catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
                {
                    // Another failed attempt for the same name inserted first; this one is counted on its next try.
                    return null;
                }
            }
            else
            {
                await connection.ExecuteAsync(Update, args, tx);
            }
            await tx.CommitAsync(ct);
            return lockedUntil is { } until ? until - now : null;
        }
    }

    public async Task SucceededAsync(string userName, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(Clear, new { UserName = Normalise(userName) });
    }

    private sealed class Row
    {
        public string UserName { get; set; } = "";
        public int Failures { get; set; }
        public DateTimeOffset FirstFailedAt { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
    }
}
