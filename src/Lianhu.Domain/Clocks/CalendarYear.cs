using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>One year of the public-holiday calendar, as announced (or, if provisional, derived).</summary>
public sealed record CalendarYear(
    int Year,
    CalendarYearStatus Status,
    LocalizedText Source,
    string? Note,
    IReadOnlyList<HolidayRange> Holidays,
    IReadOnlyList<DateOnly> AdjustedWorkingDays)
{
    public CalendarCoverage Coverage =>
        Status == CalendarYearStatus.Official ? CalendarCoverage.Official : CalendarCoverage.Provisional;
}
