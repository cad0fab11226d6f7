namespace Lianhu.Domain.Clocks;

/// <summary>The outcome of one period computation, with everything an explanation needs.</summary>
public sealed record PeriodResult
{
    public required PeriodUnit Unit { get; init; }

    public required int Amount { get; init; }

    public required ClockStart Start { get; init; }

    public required PeriodReading Reading { get; init; }

    /// <summary>First instant counted: the start, the next full hour, or 00:00 of the day after the start.</summary>
    public required DateTimeOffset CountingFrom { get; init; }

    /// <summary>
    /// The instant the period is over, +08:00. For day and month periods this is 00:00 of the day
    /// after <see cref="LastDay"/>, i.e. "24:00 of the last day" written as a valid ISO instant.
    /// </summary>
    public required DateTimeOffset Due { get; init; }

    /// <summary>Last day before any rollover (day and month periods only).</summary>
    public DateOnly? NominalLastDay { get; init; }

    /// <summary>Last day of the period after any rollover (day and month periods only).</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>What the calendar said about <see cref="NominalLastDay"/>; null when not consulted.</summary>
    public DayClassification? NominalLastDayKind { get; init; }

    public IReadOnlyList<DayClassification> RestDaysSkipped { get; init; } = [];

    /// <summary>Worst coverage of the days consulted; null when the calendar was not needed.</summary>
    public CalendarCoverage? CalendarCoverage { get; init; }

    /// <summary>An hour period was given only a day, so 00:00 was assumed.</summary>
    public bool StartTimeAssumed { get; init; }

    public bool RolledOver => LastDay != NominalLastDay;
}
