namespace Lianhu.Domain.Cases;

/// <summary>What happened on a case's timeline. Stored by stable name; never rename a member.</summary>
public enum CaseEventKind
{
    /// <summary>The case came in (an incident).</summary>
    Opened,

    /// <summary>Summary, time or place corrected.</summary>
    Edited,

    /// <summary>A repeat 110 alarm for the same household attached to this open case (an incident).</summary>
    AlarmAttached,

    /// <summary>A party of this case was linked to another record of the same person.</summary>
    PersonMerged,

    /// <summary>A link between person records was undone.</summary>
    PersonUnmerged,

    /// <summary>The supervising centre approved the closure; the case is closed and archived.</summary>
    Closed,

    /// <summary>A closed case was opened again with a reason; its history stays.</summary>
    Reopened,
}
