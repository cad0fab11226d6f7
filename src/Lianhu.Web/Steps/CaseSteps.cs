using Lianhu.Domain.Access;

namespace Lianhu.Web.Steps;

/// <summary>
/// Every step on a case, declared once: the section it reads or writes, the action, and what its
/// route id names. Endpoints carry these as metadata (<see cref="CaseStepEndpoints.OnCase"/>) and
/// handlers enter the case with the same value (<see cref="CaseGate"/>). A step with no section
/// shows only what the case header shows (reads) or needs some write grant (writes); its handler
/// filters content per section through the <see cref="CaseContext"/>.
/// </summary>
public static class CaseSteps
{
    private static CaseStep R(string name, CaseSection? section, CaseRef kind = CaseRef.Case, string route = "id", StepStanding standing = StepStanding.Table) =>
        new(name, section, StepAction.Read, kind, route, standing);

    private static CaseStep W(string name, CaseSection? section, CaseRef kind = CaseRef.Case, string route = "id", StepStanding standing = StepStanding.Table) =>
        new(name, section, StepAction.Write, kind, route, standing);

    // The case and its intake
    public static readonly CaseStep ReadCase = R("case.read", null);
    public static readonly CaseStep EditCase = W("case.edit", CaseSection.Incident);
    public static readonly CaseStep History = R("case.history", CaseSection.Identity);
    public static readonly CaseStep Timeline = R("case.timeline", null);
    public static readonly CaseStep PartySuggestions = R("person.suggestions", CaseSection.Identity, route: "caseId");
    public static readonly CaseStep Viewers = R("case.viewers", null, standing: StepStanding.Reviewer);

    // Risk
    public static readonly CaseStep ReadAssessments = R("assessment.read", CaseSection.Risk);
    public static readonly CaseStep Assess = W("assessment.create", CaseSection.Risk);

    // Clocks
    public static readonly CaseStep ReadClocks = R("clock.read", CaseSection.Incident);
    public static readonly CaseStep ReadClock = R("clock.read", CaseSection.Incident, CaseRef.Clock);
    public static readonly CaseStep StartClock = W("clock.start", CaseSection.Incident);
    public static readonly CaseStep CompleteClock = W("clock.complete", null, CaseRef.Clock, standing: StepStanding.OwnerOrSupervisingCentre);

    // Closure
    public static readonly CaseStep Closure = W("closure.step", null);

    // Legal
    public static readonly CaseStep ReadLegal = R("legal.read", null);
    public static readonly CaseStep ReadFlags = R("flags.read", CaseSection.Legal);
    public static readonly CaseStep LegalOnCase = W("legal.write", CaseSection.Legal);
    public static readonly CaseStep PlacementOnCase = W("placement.start", null);
    public static readonly CaseStep ReadOrder = R("order.read", CaseSection.Legal, CaseRef.ProtectionOrder);
    public static readonly CaseStep OrderStep = W("order.step", CaseSection.Legal, CaseRef.ProtectionOrder);
    public static readonly CaseStep ReadLetter = R("letter.read", CaseSection.Legal, CaseRef.WarningLetter);
    public static readonly CaseStep LetterStep = W("letter.step", CaseSection.Legal, CaseRef.WarningLetter);
    public static readonly CaseStep PlacementStep = W("placement.step", null, CaseRef.Placement);
    public static readonly CaseStep FollowUpStep = W("followup.close", CaseSection.Legal, CaseRef.LegalFollowUp);

    // Linkage
    public static readonly CaseStep ReadLinkage = R("linkage.read", null);
    public static readonly CaseStep Route = W("linkage.route", null);
    public static readonly CaseStep Request = W("linkage.request", null);
    public static readonly CaseStep TaskStep = W("task.step", null, CaseRef.Task);
    public static readonly CaseStep FormTaskStep = W("task.step", null, CaseRef.Task, "taskId");
    public static readonly CaseStep ReadConferences = R("conference.read", null);
    public static readonly CaseStep Conference = W("conference.step", null);
    public static readonly CaseStep ConferenceStep = W("conference.step", null, CaseRef.Conference);
    public static readonly CaseStep FormConferenceStep = W("conference.step", null, CaseRef.Conference, "conferenceId");

    // Sharing and visits
    public static readonly CaseStep ReadConsents = R("consent.read", null, standing: StepStanding.ConsentReader);
    public static readonly CaseStep Consent = W("consent.step", null, standing: StepStanding.ConsentManager);
    public static readonly CaseStep ReadVisits = R("visit.read", CaseSection.Visits);
    public static readonly CaseStep RecordVisit = W("visit.record", CaseSection.Visits);

    // The one-key alarm (ADR 0034): the lead enrols and revokes; the agencies an alert went to answer it.
    public static readonly CaseStep ReadAlarms = R("alarm.read", CaseSection.Incident);
    public static readonly CaseStep AlarmEnrolment = W("alarm.enrol", null, standing: StepStanding.LeadHandler);
    public static readonly CaseStep AlarmResponse = W("alarm.respond", null);
}
