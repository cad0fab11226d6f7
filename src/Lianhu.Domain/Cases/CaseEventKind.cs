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

    /// <summary>The lead asked another agency to take over (detail: the receiving agency id).</summary>
    LeadTransferRequested,

    /// <summary>The receiving agency accepted: it leads the case from now on (first-in-charge moved).</summary>
    LeadTransferred,

    /// <summary>The receiving agency declined; the lead stays accountable.</summary>
    LeadTransferDeclined,

    /// <summary>The case was pulled up a tier (detail: the receiving centre id).</summary>
    Escalated,

    /// <summary>The case was handed down a tier (detail: the receiving agency id).</summary>
    HandedDown,

    /// <summary>A case conference was scheduled (automatically or on demand).</summary>
    ConferenceScheduled,

    /// <summary>A case conference was held and recorded (attendance, minutes, decisions).</summary>
    ConferenceHeld,

    /// <summary>The supervising centre approved the closure; the case is closed and archived.</summary>
    Closed,

    /// <summary>A closed case was opened again with a reason; its history stays.</summary>
    Reopened,

    /// <summary>A scheduled case conference was called off, with a reason.</summary>
    ConferenceCancelled,

    /// <summary>A victim was enrolled in the one-key alarm (detail: the enrolment id).</summary>
    AlarmEnrolled,

    /// <summary>The one-key alarm enrolment was revoked (detail: the enrolment id).</summary>
    AlarmRevoked,

    /// <summary>She pressed the one-key alarm: an urgent alert (detail: the alert id).</summary>
    AlarmRaised,

    /// <summary>A responding agency acknowledged the alert (detail: the alert id).</summary>
    AlarmAcknowledged,

    /// <summary>Nobody acknowledged the alert in time; it went to the linkage centre (detail: the alert id).</summary>
    AlarmEscalated,

    /// <summary>The alert's outcome was recorded (detail: the alert id and the outcome).</summary>
    AlarmClosed,
}
