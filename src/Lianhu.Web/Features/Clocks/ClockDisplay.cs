using System.Globalization;
using Lianhu.Domain.Clocks;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// How clock times are written for people: always Beijing time (statutory periods are counted on
/// it, ADR 0006), and a day period's end as "last day 24:00" rather than 00:00 of the next day.
/// </summary>
public static class ClockDisplay
{
    public static string Iso(DateTimeOffset instant) =>
        ShanghaiTime.ToShanghai(instant).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) =>
        ShanghaiTime.ToShanghai(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2026-03-05 10:00" for an hour period, "2026-10-08 24:00" for a day or month period.</summary>
    public static string Due(DateTimeOffset due, DateOnly? lastDay) => lastDay is { } day ? $"{Day(day)} 24:00" : Time(due);
}
