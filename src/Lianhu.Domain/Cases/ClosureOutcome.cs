namespace Lianhu.Domain.Cases;

/// <summary>
/// The outcome category of a closure: what an agency that referred the case or held a task on it
/// is told when the case closes (never the summary itself). Stored by stable name; never rename a member.
/// </summary>
public enum ClosureOutcome
{
    /// <summary>The violence has stopped and the family is stable.</summary>
    ViolenceStopped,

    /// <summary>Protective measures (order, warning letter, safety plan) are in place.</summary>
    ProtectionInPlace,

    /// <summary>The victim lives safely elsewhere (placement, moved out).</summary>
    VictimRelocated,

    /// <summary>Settled through court, prosecution or mediation.</summary>
    ResolvedByLaw,

    /// <summary>Handed over to a unit outside the mechanism.</summary>
    ReferredOutside,

    /// <summary>The victim declined further help.</summary>
    ServiceDeclined,

    /// <summary>The family could not be reached any more.</summary>
    Unreachable,
}
