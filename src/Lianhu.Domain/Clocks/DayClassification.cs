namespace Lianhu.Domain.Clocks;

/// <summary>What the calendar says about one day, and how far that answer can be trusted.</summary>
/// <param name="Holiday">The announced holiday the day belongs to, when <paramref name="Kind"/> is a public holiday.</param>
public sealed record DayClassification(DateOnly Date, DayKind Kind, CalendarCoverage Coverage, HolidayRange? Holiday)
{
    public bool IsRestDay => Kind is DayKind.Weekend or DayKind.PublicHoliday;
}
