namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// A clock tests set by hand. Only "now" is manual: timers (the scanner's tick) still run on real
/// time, so a scanner in a test host scans every few milliseconds and reads this clock.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref utcTicks, now.UtcTicks);
}
