using Lianhu.Domain.Clocks;

namespace Lianhu.Domain.Tests.Clocks;

/// <summary>The real config files, copied next to the test assembly by the test project.</summary>
internal static class TestConfig
{
    public static string CalendarPath { get; } =
        Path.Combine(AppContext.BaseDirectory, "config", "calendars", "cn-public-holidays.json");

    public static string RulesPath { get; } = Path.Combine(AppContext.BaseDirectory, "config", "clocks", "rules.json");

    public static HolidayCalendar Calendar { get; } = HolidayCalendarLoader.LoadFile(CalendarPath);

    public static ClockRuleCatalogue Catalogue { get; } = ClockRuleCatalogueLoader.LoadFile(RulesPath, Calendar);

    /// <summary>A Beijing wall-clock instant, +08:00.</summary>
    public static DateTimeOffset Bj(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
