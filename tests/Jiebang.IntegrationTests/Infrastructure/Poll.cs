namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>
/// Waiting for something another thread does (a background job, the outbox dispatcher, a server coming back): read the
/// condition until it holds, and fail with what was last read once a deadline passes. The deadline is real time and
/// generous, so only a condition that never comes reaches it; a loaded machine only makes the wait longer.
/// </summary>
public static class Poll
{
    /// <summary>Reads <paramref name="read"/> every <paramref name="every"/> (100 ms) until <paramref name="done"/> holds; returns the value that made it hold.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + limit;
        var reads = 0;
        while (true)
        {
            var value = await read();
            reads++;
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"{what}: not so after {limit.TotalSeconds} s ({reads} reads); last read: {value}");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }
}
