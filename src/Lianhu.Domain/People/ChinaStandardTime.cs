namespace Lianhu.Domain.People;

/// <summary>
/// Birth dates on PRC documents are calendar dates in China Standard Time (UTC+8, one zone,
/// no daylight saving). Taking "today" in UTC would reject a baby registered before 08:00.
/// </summary>
public static class ChinaStandardTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
