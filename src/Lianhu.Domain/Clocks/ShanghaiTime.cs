namespace Lianhu.Domain.Clocks;

/// <summary>
/// Statutory periods are counted on Beijing time. Asia/Shanghai has been a fixed UTC+08:00 since
/// 1991 (no daylight saving), but we still go through <see cref="TimeZoneInfo"/> so that any input
/// offset (UTC from a server, +09:00 from a phone) lands on the right Beijing day and hour.
/// </summary>
public static class ShanghaiTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The same instant, expressed with the Beijing offset (+08:00).</summary>
    public static DateTimeOffset ToShanghai(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The Beijing calendar day on which the instant falls.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToShanghai(instant).DateTime);

    /// <summary>A wall-clock time read in Beijing (an input without an offset).</summary>
    public static DateTimeOffset AtLocal(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }

    /// <summary>00:00 Beijing time of the day, i.e. 24:00 of the day before.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => AtLocal(day.ToDateTime(TimeOnly.MinValue));
}
