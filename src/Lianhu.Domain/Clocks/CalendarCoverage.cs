namespace Lianhu.Domain.Clocks;

/// <summary>
/// How far the holiday calendar can be trusted for a year. Ordered from best to worst so that the
/// worst coverage of several consulted days is simply the maximum.
/// </summary>
public enum CalendarCoverage
{
    /// <summary>The year's schedule is taken from the State Council notice.</summary>
    Official,

    /// <summary>The year is derived from the statutory holiday rules; the notice is not yet loaded.</summary>
    Provisional,

    /// <summary>The year is not in the calendar: only Saturdays and Sundays count as rest days.</summary>
    NotCovered,
}
