using Lianhu.Domain.Access;

namespace Lianhu.Web.Steps;

/// <summary>Whether a step only reads a section or changes it.</summary>
public enum StepAction
{
    Read,
    Write,
}

/// <summary>What the id in a step's route names; the gate finds the case through it.</summary>
public enum CaseRef
{
    Case,
    Clock,
    Task,
    ProtectionOrder,
    WarningLetter,
    Placement,
    LegalFollowUp,
    Conference,
}

/// <summary>A standing beyond the permission table that a step needs.</summary>
public enum StepStanding
{
    /// <summary>The permission table decides alone.</summary>
    Table,

    /// <summary>The record's owner agency, or a linkage centre supervising the case (clocks).</summary>
    OwnerOrSupervisingCentre,

    /// <summary>Who reviews access to the case: the lead agency's supervisors and the supervising linkage centres ("who has viewed this case").</summary>
    Reviewer,

    /// <summary>Who reads the case's consents: the lead, the supervising centres and the agencies holding a task (ADR 0017).</summary>
    ConsentReader,

    /// <summary>Who records and withdraws consents: the lead and the supervising centres.</summary>
    ConsentManager,

    /// <summary>A caseworker or supervisor of the lead agency (one-key alarm enrolment and revocation, ADR 0034).</summary>
    LeadHandler,
}

/// <summary>
/// What one step on a case touches, declared once and used twice: as endpoint metadata (the route
/// table says what every case endpoint needs, and <see cref="CaseStepFilter"/> enforces it at the
/// edge) and by the handler, which enters the case through <see cref="CaseGate"/> with the same
/// declaration, so a page form that calls the handler directly is held to the same rule.
/// </summary>
/// <param name="Name">Stable name, e.g. <c>case.edit</c>.</param>
/// <param name="Section">The section the step reads or writes; null when the step shows only what the case header shows
/// (a write step with no section needs any write grant).</param>
/// <param name="Action">Read or write. Emergency (break-glass) readers never write, whatever the table says.</param>
/// <param name="Ref">What the route's id names.</param>
/// <param name="Route">The route parameter holding the id.</param>
/// <param name="Standing">A further standing the step needs.</param>
public sealed record CaseStep(
    string Name, CaseSection? Section, StepAction Action, CaseRef Ref = CaseRef.Case, string Route = "id", StepStanding Standing = StepStanding.Table);

/// <summary>Marks an endpoint whose route id is not a case step's, with why (the route-table test needs one or the other).</summary>
public sealed record NotACaseStep(string Why);

/// <summary>
/// Declares the step a page with a case id in its route is (by the <see cref="CaseSteps"/> field's name); the page's
/// handlers enter the case through <see cref="CaseGate"/> with it. The route-table test reads it as endpoint metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CaseStepPageAttribute(string step) : Attribute
{
    public string Step { get; } = step;
}

/// <summary>Says why a page with an id in its route is not a step on one case.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotACaseStepPageAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
