namespace Lianhu.Domain.Tests.People;

/// <summary>A TimeProvider stuck at one instant (the testing package does not restore here).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
