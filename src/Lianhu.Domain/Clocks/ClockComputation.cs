using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// A due time with its rule, reading and legal source — what every screen and export shows beside
/// a clock, so that nobody has to trust a bare date.
/// </summary>
public sealed record ClockComputation
{
    public required string RuleId { get; init; }

    /// <summary>When the period is over, +08:00 (for day/month periods: 00:00 after the last day).</summary>
    public required DateTimeOffset Due { get; init; }

    /// <summary>The last day of a day or month period (it ends at 24:00); null for hour periods.</summary>
    public DateOnly? LastDay { get; init; }

    /// <summary>Stable reading id, e.g. <c>next-full-hour</c>, <c>days-exclusive-start-rollover</c>.</summary>
    public required string Reading { get; init; }

    public required LocalizedText ReadingText { get; init; }

    public required LocalizedText Source { get; init; }

    public required LocalizedText Explanation { get; init; }

    public required bool Emergency { get; init; }

    /// <summary>What the due time means, copied from the rule so a running clock keeps it after the rule file changes.</summary>
    public ClockDueAction OnDue { get; init; }

    /// <summary>False when a day consulted for a rollover lies in a year the calendar does not cover.</summary>
    public bool CalendarCovered => CalendarCoverage != Clocks.CalendarCoverage.NotCovered;

    /// <summary>Worst calendar coverage used; null when the rule did not need the calendar.</summary>
    public CalendarCoverage? CalendarCoverage => Period.CalendarCoverage;

    /// <summary>The underlying arithmetic (start, counting-from instant, nominal last day, skipped days).</summary>
    public required PeriodResult Period { get; init; }
}
