namespace Lianhu.Domain.Clocks;

/// <summary>The first working day on or after a day, with the rest days stepped over to reach it.</summary>
/// <param name="Coverage">The worst coverage of every day looked at (a rollover is only as good as its data).</param>
public sealed record WorkingDaySearch(
    DateOnly WorkingDay,
    IReadOnlyList<DayClassification> RestDaysSkipped,
    CalendarCoverage Coverage);
