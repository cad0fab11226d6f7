using System.Globalization;

namespace Lianhu.Domain.Clocks;

/// <summary>How times and days are written in explanations (invariant, Beijing time).</summary>
internal static class ClockText
{
    public static string Time(DateTimeOffset instant)
    {
        var beijing = ShanghaiTime.ToShanghai(instant);
        var format = beijing.Second == 0 && beijing.Millisecond == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
        return beijing.ToString(format, CultureInfo.InvariantCulture);
    }

    public static string HourOfDay(DateTimeOffset instant) =>
        ShanghaiTime.ToShanghai(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO-8601 with the offset, fractions only when present: 2026-03-05T10:00:00+08:00.</summary>
    public static string Iso(DateTimeOffset instant) =>
        ShanghaiTime.ToShanghai(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
