using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// Reads and validates a holiday calendar file (config/calendars/cn-public-holidays.json). Any
/// problem throws <see cref="ClockConfigurationException"/> naming the field: a calendar that is
/// half right would move deadlines silently, so it is all or nothing.
/// </summary>
public static class HolidayCalendarLoader
{
    public const string SupportedTimeZone = "Asia/Shanghai";

    public static HolidayCalendar LoadFile(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static HolidayCalendar Parse(string json, string document = "holiday calendar")
    {
        var dto = PolicyJson.ReadSnakeCase<HolidayCalendarDocument>(json, ClockFields.ErrorsIn(document));
        if (dto.TimeZone != SupportedTimeZone)
        {
            throw new ClockConfigurationException(document, "time_zone", $"must be \"{SupportedTimeZone}\"");
        }

        var yearDtos = ClockFields.Required(dto.Years, document, "years");
        if (yearDtos.Count == 0)
        {
            throw new ClockConfigurationException(document, "years", "must list at least one year");
        }

        var years = new List<CalendarYear>();
        for (var i = 0; i < yearDtos.Count; i++)
        {
            var year = CalendarYearReader.Read(yearDtos[i], document, $"years[{i}]");
            if (years.Count > 0 && year.Year <= years[^1].Year)
            {
                throw new ClockConfigurationException(document, $"years[{i}].year",
                    $"{year.Year} must be after {years[^1].Year}: years are listed once, in ascending order");
            }

            years.Add(year);
        }

        CheckNoDayDeclaredTwice(years, document);
        return new HolidayCalendar(years);
    }

    // A day that is both a holiday and a working day (or a holiday in two notices) has no answer.
    private static void CheckNoDayDeclaredTwice(List<CalendarYear> years, string document)
    {
        var holidayDays = new Dictionary<DateOnly, string>();
        for (var y = 0; y < years.Count; y++)
        {
            for (var h = 0; h < years[y].Holidays.Count; h++)
            {
                foreach (var day in years[y].Holidays[h].Days())
                {
                    var field = $"years[{y}].holidays[{h}]";
                    if (!holidayDays.TryAdd(day, field))
                    {
                        throw new ClockConfigurationException(document, field,
                            $"{day:yyyy-MM-dd} is already a holiday in {holidayDays[day]}");
                    }
                }
            }
        }

        for (var y = 0; y < years.Count; y++)
        {
            for (var w = 0; w < years[y].AdjustedWorkingDays.Count; w++)
            {
                var day = years[y].AdjustedWorkingDays[w];
                if (holidayDays.TryGetValue(day, out var holidayField))
                {
                    throw new ClockConfigurationException(document, $"years[{y}].adjusted_working_days[{w}]",
                        $"{day:yyyy-MM-dd} cannot be both an adjusted working day and a holiday ({holidayField})");
                }
            }
        }
    }
}
