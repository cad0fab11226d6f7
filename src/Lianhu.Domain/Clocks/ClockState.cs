namespace Lianhu.Domain.Clocks;

/// <summary>
/// The life of a clock: <c>pending</c> → <c>reminded</c> → <c>breached</c>, or <c>completed</c> /
/// <c>cancelled</c> while it still runs. The last three are final. Stored as kebab-case names.
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
}

/// <summary>What one scan did to a clock.</summary>
public enum ClockFiring
{
    None = 0,
    Reminded = 1,
    Breached = 2,
}
