namespace Lianhu.Domain.Clocks;

/// <summary>
/// China's public holidays and adjusted working days (调休) for the years it covers. A day in an
/// uncovered year falls back to "Saturday and Sunday are rest days" and is reported as
/// <see cref="CalendarCoverage.NotCovered"/> so callers can say so next to any due date.
/// Built by <see cref="HolidayCalendarLoader"/>, which validates the data first.
/// </summary>
public sealed class HolidayCalendar
{
    // No real schedule has a run of rest days this long; hitting it means broken data, not a long holiday.
    private const int MaxConsecutiveRestDays = 60;

    private readonly Dictionary<int, CalendarYear> years;
    private readonly Dictionary<DateOnly, HolidayRange> holidayByDay = [];
    private readonly HashSet<DateOnly> adjustedWorkingDays = [];

    public HolidayCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        this.years = years.ToDictionary(y => y.Year);
        foreach (var year in this.years.Values)
        {
            foreach (var range in year.Holidays)
            {
                foreach (var day in range.Days())
                {
                    holidayByDay[day] = range;
                }
            }

            adjustedWorkingDays.UnionWith(year.AdjustedWorkingDays);
        }
    }

    /// <summary>A calendar with no years: every day is judged by the weekend rule alone.</summary>
    public static HolidayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyList<CalendarYear> Years => [.. years.Values.OrderBy(y => y.Year)];

    public bool Covers(int year) => years.ContainsKey(year);

    public CalendarCoverage CoverageOf(int year) =>
        years.TryGetValue(year, out var entry) ? entry.Coverage : CalendarCoverage.NotCovered;

    public DayClassification Classify(DateOnly day)
    {
        var coverage = CoverageOf(day.Year);
        // Order matters: an announced holiday is a rest day even on a weekday, and an adjusted
        // working day is a working day even though it is a Saturday or Sunday.
        if (holidayByDay.TryGetValue(day, out var holiday))
        {
            return new DayClassification(day, DayKind.PublicHoliday, coverage, holiday);
        }

        if (adjustedWorkingDays.Contains(day))
        {
            return new DayClassification(day, DayKind.AdjustedWorkingDay, coverage, null);
        }

        var kind = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.Weekday;
        return new DayClassification(day, kind, coverage, null);
    }

    public bool IsRestDay(DateOnly day) => Classify(day).IsRestDay;

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day) => FindNextWorkingDay(day).WorkingDay;

    /// <summary>Like <see cref="NextWorkingDayOnOrAfter"/>, with the skipped days and the coverage.</summary>
    public WorkingDaySearch FindNextWorkingDay(DateOnly from)
    {
        var skipped = new List<DayClassification>();
        var day = from;
        var classification = Classify(day);
        while (classification.IsRestDay)
        {
            skipped.Add(classification);
            if (skipped.Count > MaxConsecutiveRestDays)
            {
                throw new InvalidOperationException(
                    $"More than {MaxConsecutiveRestDays} consecutive rest days after {from:yyyy-MM-dd}: the holiday calendar data is wrong.");
            }

            day = day.AddDays(1);
            classification = Classify(day);
        }

        var coverage = skipped.Append(classification).Max(d => d.Coverage);
        return new WorkingDaySearch(day, skipped, coverage);
    }
}
