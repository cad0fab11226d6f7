using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Linkage;

/// <summary>Where a task stands. Open = created, accepted or in progress.</summary>
public enum CaseTaskStatus
{
    Created,
    Accepted,
    Declined,
    InProgress,
    Completed,
    Cancelled,

    /// <summary>Routed to a non-statutory body but held until a consent or legal basis covers it; the agency sees nothing yet.</summary>
    Held,
}

/// <summary>
/// Why a task exists: routing; a declined task handed back to its routing centre; a lead transfer
/// the receiving agency accepts or declines; an escalation between tiers (pull up / hand down); a
/// planned or event-driven return visit (completed by recording the visit).
/// </summary>
public enum CaseTaskKind
{
    Routed,
    Reassignment,
    LeadTransfer,
    Escalation,
    ConferenceDecision,
    ReturnVisit,
}

/// <summary>
/// A piece of work one agency does on a case (ADVL linkage, Baoan's automatic assignment).
/// created → accepted | declined (reason; a reassignment task goes to the routing centre, so the
/// work is never lost) → in progress → completed (outcome, fed back to the lead and the centre);
/// any open task may be cancelled with a reason. A task for a non-statutory body without consent
/// starts <c>held</c> and is released to created once consent is recorded. Every other move throws
/// <see cref="DomainRuleViolationException"/> (409).
/// </summary>
public sealed class CaseTask
{
    public const int TextMaxLength = 2000;
    public const int ReasonMaxLength = 500;

    private CaseTask()
    {
        Step = string.Empty;
        ReasonZh = string.Empty;
        ReasonEn = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseTaskKind Kind { get; private set; }

    public Guid AgencyId { get; private set; }

    public AgencyType AgencyType { get; private set; }

    public Tier Tier { get; private set; }

    /// <summary>A role within the agency (<c>supervisor</c> = the leading group); null = any handling staff.</summary>
    public string? Role { get; private set; }

    /// <summary>The linkage centre that routed the task; a declined task goes back to it.</summary>
    public Guid RoutingCentreId { get; private set; }

    /// <summary>The rule and policy version that made it (null for a reassignment task).</summary>
    public int? Rule { get; private set; }

    public int? PolicyVersion { get; private set; }

    public string Step { get; private set; }

    public string ReasonZh { get; private set; }

    public string ReasonEn { get; private set; }

    /// <summary>For a reassignment task: the declined task; for a reassigned task: the reassignment task.</summary>
    public Guid? ParentTaskId { get; private set; }

    public CaseTaskStatus Status { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The clock that guards <see cref="DueAt"/> (subject type <c>task</c>).</summary>
    public Guid? ClockId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedByUserId { get; private set; }

    /// <summary>Decline or cancel reason, or the completion outcome. Case content: never logged.</summary>
    public string? ClosingText { get; private set; }

    /// <summary>The requester's reason for a lead transfer or an escalation. Case content: never logged.</summary>
    public string? RequestText { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status is CaseTaskStatus.Created or CaseTaskStatus.Accepted or CaseTaskStatus.InProgress;

    public static CaseTask Route(Guid id, Guid caseId, RoutedTask routed, Guid routingCentreId, DateTimeOffset dueAt, Guid createdBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(routed);
        return New(id, caseId, CaseTaskKind.Routed, routed.AgencyId, routed.AgencyType, routed.Tier, routed.Role, routingCentreId, routed.Step, routed.Reason, dueAt, createdBy, now).Build(rule: routed.Rule, policyVersion: routed.PolicyVersion);
    }

    /// <summary>
    /// A task made by hand (a centre reassigning declined work), with the same lifecycle as a routed
    /// one; reassigned return-visit work stays a return visit.
    /// </summary>
    public static CaseTask Assign(
        Guid id, Guid caseId, Guid agencyId, AgencyType type, Tier tier, Guid routingCentreId, string step, RoutingText reason, Guid? parent, DateTimeOffset dueAt, Guid createdBy, DateTimeOffset now,
        CaseTaskKind kind = CaseTaskKind.Routed) =>
        kind is CaseTaskKind.Routed or CaseTaskKind.ReturnVisit
            ? New(id, caseId, kind, agencyId, type, tier, null, routingCentreId, step, reason, dueAt, createdBy, now).Build(parent: parent)
            : throw new ArgumentOutOfRangeException(nameof(kind), "Only routed work and return visits are assigned by hand.");

    /// <summary>
    /// A return visit for the visiting agency (step <see cref="ReturnVisitStep"/>), due when its
    /// clock is; the visit record completes it, and a declined one goes back to the routing centre.
    /// </summary>
    public static CaseTask ReturnVisit(
        Guid id, Guid caseId, Guid agencyId, AgencyType type, Tier tier, Guid routingCentreId, RoutingText reason, int policyVersion, DateTimeOffset dueAt, Guid createdBy, DateTimeOffset now) =>
        New(id, caseId, CaseTaskKind.ReturnVisit, agencyId, type, tier, null, routingCentreId, ReturnVisitStep, reason, dueAt, createdBy, now).Build(policyVersion: policyVersion);

    public const string ReturnVisitStep = "return-visit";

    /// <summary>
    /// A routed task for a non-statutory body without a consent or legal basis covering it: held, so
    /// the agency neither sees it nor the case; the lead sees it and records consent to release it.
    /// </summary>
    public static CaseTask RouteHeld(Guid id, Guid caseId, RoutedTask routed, Guid routingCentreId, DateTimeOffset dueAt, Guid createdBy, DateTimeOffset now) =>
        Route(id, caseId, routed, routingCentreId, dueAt, createdBy, now).Hold();

    /// <summary>
    /// Holds a task just made by hand (a reassignment, a conference decision) for a non-statutory
    /// body no consent covers, as <see cref="RouteHeld"/> does for routed work: only a new task
    /// without a clock can be held.
    /// </summary>
    public CaseTask Hold()
    {
        Require(CaseTaskStatus.Created, "be held");
        if (ClockId is not null || AcceptedAt is not null)
        {
            throw NotAllowed("be held");
        }

        Status = CaseTaskStatus.Held;
        return this;
    }

    /// <summary>Releases a held task once consent covers it: it starts afresh (created, a new due time and clock).</summary>
    public void Release(Guid clockId, DateTimeOffset dueAt, DateTimeOffset at)
    {
        Require(CaseTaskStatus.Held, "release");
        if (dueAt <= at)
        {
            throw new DomainRuleViolationException("task.due-in-past", "A task is due after it is released.");
        }

        Status = CaseTaskStatus.Created;
        DueAt = dueAt.ToUniversalTime();
        ClockId = clockId;
        Touch(at);
    }

    public void AttachClock(Guid clockId) => ClockId = clockId;

    public void Accept(DateTimeOffset at)
    {
        Require(CaseTaskStatus.Created, "accept");
        Status = CaseTaskStatus.Accepted;
        AcceptedAt = at;
        Touch(at);
    }

    public void Start(DateTimeOffset at)
    {
        Require(CaseTaskStatus.Accepted, "start");
        Status = CaseTaskStatus.InProgress;
        StartedAt = at;
        Touch(at);
    }

    /// <summary>
    /// A request from one agency to another (lead transfer, escalation): the requester is the
    /// <see cref="RoutingCentreId"/>, hears the answer, and may cancel the request while it is open.
    /// </summary>
    public static CaseTask Request(
        Guid id, Guid caseId, CaseTaskKind kind, Guid agencyId, AgencyType type, Tier tier, Guid requesterAgencyId, RoutingText reason, string requestText, DateTimeOffset dueAt, Guid createdBy, DateTimeOffset now)
    {
        var text = Text(requestText, "task.reason-required", ReasonMaxLength);
        if (kind is not (CaseTaskKind.LeadTransfer or CaseTaskKind.Escalation or CaseTaskKind.ConferenceDecision))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Only lead transfers, escalations and conference decisions are requests.");
        }

        if (agencyId == requesterAgencyId && kind != CaseTaskKind.ConferenceDecision)
        {
            throw new DomainRuleViolationException("task.to-self", "An agency cannot send a request to itself.");
        }

        return New(id, caseId, kind, agencyId, type, tier, null, requesterAgencyId, kind switch { CaseTaskKind.LeadTransfer => "lead-transfer", CaseTaskKind.Escalation => "escalation", _ => "conference" }, reason, dueAt, createdBy, now).Build(requestText: text);
    }

    /// <summary>
    /// Declines the task. Routed work returns a reassignment task for the routing centre; a declined
    /// request (lead transfer, escalation) returns null — the requester keeps the case and is told.
    /// </summary>
    public CaseTask? Decline(Guid by, string reason, Guid reassignmentId, Tier centreTier, DateTimeOffset reassignDueAt, DateTimeOffset at)
    {
        if (Kind == CaseTaskKind.Reassignment)
        {
            throw new DomainRuleViolationException("task.reassignment-decline", "The routing centre cannot decline a reassignment; it reassigns or cancels it.");
        }

        Require(CaseTaskStatus.Created, "decline");
        var text = Text(reason, "task.reason-required", ReasonMaxLength);
        Status = CaseTaskStatus.Declined;
        Close(by, text, at);
        if (Kind is not (CaseTaskKind.Routed or CaseTaskKind.ReturnVisit))
        {
            return null;
        }

        return New(reassignmentId, CaseId, CaseTaskKind.Reassignment, RoutingCentreId, AgencyType.LinkageCentre, centreTier, null, RoutingCentreId, Step,
            new RoutingText($"任务被拒绝，需重新指派：{ReasonZh}", $"declined, reassign: {ReasonEn}"), reassignDueAt, by, at).Build(parent: Id);
    }

    /// <summary>Completes the task with its outcome; an accepted task is started on the way. A return visit is completed by its visit record only.</summary>
    public void Complete(Guid by, string outcome, DateTimeOffset at)
    {
        if (Kind == CaseTaskKind.ReturnVisit)
        {
            throw new DomainRuleViolationException("task.visit-required", "A return visit is completed by recording the visit.");
        }

        Finish(by, outcome, at);
    }

    /// <summary>
    /// The visiting agency recorded the visit: the return-visit task completes with the visit's
    /// outcome; a task not yet accepted is accepted and started on the way (doing it is answering it).
    /// </summary>
    public void CompleteByVisit(Guid by, string outcome, DateTimeOffset at)
    {
        if (Kind != CaseTaskKind.ReturnVisit)
        {
            throw new DomainRuleViolationException("task.not-a-visit", "Only a return-visit task is completed by a visit.");
        }

        if (Status == CaseTaskStatus.Created)
        {
            Accept(at);
        }

        Finish(by, outcome, at);
    }

    private void Finish(Guid by, string outcome, DateTimeOffset at)
    {
        if (Status == CaseTaskStatus.Accepted)
        {
            Start(at);
        }

        Require(CaseTaskStatus.InProgress, "complete");
        var text = Text(outcome, "task.outcome-required", TextMaxLength);
        Status = CaseTaskStatus.Completed;
        Close(by, text, at);
    }

    public void Cancel(Guid by, string reason, DateTimeOffset at)
    {
        if (!IsOpen && Status != CaseTaskStatus.Held)
        {
            throw NotAllowed("cancel");
        }

        var text = Text(reason, "task.reason-required", ReasonMaxLength);
        Status = CaseTaskStatus.Cancelled;
        Close(by, text, at);
    }

    private void Close(Guid by, string text, DateTimeOffset at)
    {
        ClosedAt = at;
        ClosedByUserId = by;
        ClosingText = text;
        Touch(at);
    }

    private static string Text(string? text, string code, int max)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleViolationException(code, "A reason or outcome is required.");
        }

        if (trimmed.Length > max)
        {
            throw new DomainRuleViolationException("task.text-too-long", $"At most {max} characters.");
        }

        return trimmed;
    }

    private void Require(CaseTaskStatus expected, string move)
    {
        if (Status != expected)
        {
            throw NotAllowed(move);
        }
    }

    private DomainRuleViolationException NotAllowed(string move) =>
        new("task.illegal-move", $"A {StableName.Of(Status)} task cannot {move}.");

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }

    private static Draft New(
        Guid id, Guid caseId, CaseTaskKind kind, Guid agencyId, AgencyType type, Tier tier, string? role, Guid centre, string step, RoutingText reason, DateTimeOffset dueAt, Guid by, DateTimeOffset now)
    {
        if (dueAt <= now)
        {
            throw new DomainRuleViolationException("task.due-in-past", "A task is due after it is created.");
        }

        return new Draft(id, caseId, kind, agencyId, type, tier, role, centre, step, reason, dueAt, by, now);
    }

    private sealed record Draft(
        Guid Id, Guid CaseId, CaseTaskKind Kind, Guid AgencyId, AgencyType Type, Tier Tier, string? Role, Guid Centre, string Step, RoutingText Reason, DateTimeOffset DueAt, Guid By, DateTimeOffset Now)
    {
        public CaseTask Build(int? rule = null, int? policyVersion = null, Guid? parent = null, string? requestText = null) => new()
        {
            Id = Id,
            CaseId = CaseId,
            Kind = Kind,
            AgencyId = AgencyId,
            AgencyType = Type,
            Tier = Tier,
            Role = Role,
            RoutingCentreId = Centre,
            Rule = rule,
            PolicyVersion = policyVersion,
            Step = Step,
            ReasonZh = Reason.ZhCn,
            ReasonEn = Reason.En,
            ParentTaskId = parent,
            RequestText = requestText,
            Status = CaseTaskStatus.Created,
            DueAt = DueAt.ToUniversalTime(),
            CreatedAt = Now.ToUniversalTime(),
            CreatedByUserId = By,
            UpdatedAt = Now.ToUniversalTime(),
            Version = 1,
        };
    }
}
