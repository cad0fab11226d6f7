namespace Lianhu.Domain.Clocks;

/// <summary>
/// The life of a clock: <c>pending</c> → <c>reminded</c> → <c>breached</c> (or <c>lapsed</c> for a
/// validity period), or <c>completed</c> / <c>cancelled</c> while it still runs. The last four are final. Stored as kebab-case names.
/// </summary>
public enum ClockState
{
    /// <summary>Running; the reminder has not fired yet.</summary>
    Pending = 1,

    /// <summary>Running; the reminder fired.</summary>
    Reminded = 2,

    /// <summary>The due time passed with the clock still running: a breach was recorded and escalated.</summary>
    Breached = 3,

    /// <summary>The guarded step was done in time.</summary>
    Completed = 4,

    /// <summary>No longer needed (e.g. the application was withdrawn) before its due time.</summary>
    Cancelled = 5,

    /// <summary>A validity period ran out (e.g. a protection order expired): an end, not a breach; nothing is escalated.</summary>
    Lapsed = 6,
}

/// <summary>What one scan did to a clock.</summary>
public enum ClockFiring
{
    None = 0,
    Reminded = 1,
    Breached = 2,
    Lapsed = 3,
}

/// <summary>What a clock's due time means (<c>on_due</c> in the rule file).</summary>
public enum ClockDueAction
{
    /// <summary>A deadline: reaching it while running is a breach, recorded and escalated.</summary>
    Breach = 0,

    /// <summary>A validity period: reaching it ends the clock as lapsed, with no breach and no escalation.</summary>
    Lapse = 1,
}
