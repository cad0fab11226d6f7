namespace Lianhu.Domain.Clocks;

/// <summary>
/// How an hour period starts — the two texts disagree. See docs/decisions/0006-statutory-periods.md.
/// </summary>
public enum HourReading
{
    /// <summary>Civil Code Art 201(2): counted from the time the law states; due = start + N h.</summary>
    ExactInstant,

    /// <summary>
    /// CPL Art 85(2) and SPC CPL Interpretation Art 125: the starting hour is not counted; counting
    /// runs from the next full hour, also when the start is exactly on the hour.
    /// </summary>
    NextFullHour,
}
