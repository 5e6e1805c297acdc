namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>Business time for the host under test; tests move it forwards and back.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _ticks, value.UtcTicks);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
