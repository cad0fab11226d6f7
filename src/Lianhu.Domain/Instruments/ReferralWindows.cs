namespace Lianhu.Domain.Instruments;

/// <summary>
/// The date windows of the time-based referral criteria. Months are calendar months
/// (<see cref="DateOnly.AddMonths"/>): a day missing in the target month clamps to that month's
/// last day (31 March − 1 month = 28/29 February), matching the Civil Code end-of-month rule.
/// </summary>
public static class ReferralWindows
{
    /// <summary>
    /// Potential escalation window: (<paramref name="at"/> − <paramref name="months"/> months, <paramref name="at"/>].
    /// With at = 2025-06-15 and 12 months, an incident on 2024-06-15 is OUTSIDE, 2024-06-16 and
    /// 2025-06-15 are inside, and anything after <paramref name="at"/> is ignored.
    /// </summary>
    public static DateWindow Escalation(DateOnly at, int months) => new(at.AddMonths(-months), at);

    /// <summary>
    /// Repeat window: (<paramref name="lastReferral"/>, <paramref name="lastReferral"/> + <paramref name="months"/> months].
    /// With a referral on 2024-06-15 and 12 months, an incident on 2024-06-15 itself is not a
    /// repeat (it is the referred incident), 2024-06-16 … 2025-06-15 are, 2025-06-16 is not.
    /// </summary>
    public static DateWindow Repeat(DateOnly lastReferral, int months) => new(lastReferral, lastReferral.AddMonths(months));

    public static int CountIn(DateWindow window, IEnumerable<DateOnly> dates) => dates.Count(window.Contains);
}
