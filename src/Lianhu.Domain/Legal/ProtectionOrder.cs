using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Legal;

/// <summary>
/// A personal-safety protection order (人身安全保护令) from application to expiry:
/// received → accepted → issued | rejected, then — only while in force — extended, changed or
/// revoked. Filing checks ADVL Art 27 (<see cref="ProtectionOrderApplication.Problems"/>); an order
/// lasts at most six months from the day it is made (Art 30) and stores the end date the court
/// states. Every illegal move throws <see cref="DomainRuleViolationException"/> (409).
/// </summary>
public sealed class ProtectionOrder
{
    public const int MaxValidityMonths = 6;
    public const int ReasonMaxLength = 2000;

    private readonly List<ProtectionOrderMeasure> measures = [];
    private readonly List<ProtectionOrderService> services = [];
    private readonly List<ProtectionOrderAmendment> amendments = [];
    private readonly List<ProtectionOrderBreach> breaches = [];

    private ProtectionOrder()
    {
        ApplicantName = string.Empty;
        VictimName = string.Empty;
        RespondentName = string.Empty;
        Facts = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The court the application is filed with; only its staff accept and rule.</summary>
    public Guid CourtAgencyId { get; private set; }

    /// <summary>The agency that filed (the court itself, or a unit filing on the applicant's behalf).</summary>
    public Guid FiledByAgencyId { get; private set; }

    public Guid FiledByUserId { get; private set; }

    public ApplicantType ApplicantType { get; private set; }

    public string ApplicantName { get; private set; }

    /// <summary>A close relative's relation to the victim.</summary>
    public string? ApplicantRelation { get; private set; }

    /// <summary>The person to be protected (the applicant when the victim applies).</summary>
    public string VictimName { get; private set; }

    public string RespondentName { get; private set; }

    public string? RespondentIdNumber { get; private set; }

    public string? RespondentAddress { get; private set; }

    /// <summary>
    /// The stable name of a <see cref="Legal.RespondentRelation"/> (spouse, former-spouse, dating-partner …; WRPL 2022
    /// Art 29 includes former and dating partners). Records filed before issue 15 may hold free text.
    /// </summary>
    public string? RespondentRelation { get; private set; }

    /// <summary>Why the victim cannot apply herself, when a proxy applies (ADVL Art 23(2), SPC 2022 Art 2).</summary>
    public InabilityReason? InabilityReason { get; private set; }

    /// <summary>The victim's wishes about a proxy's application (SPC 2022 Art 2).</summary>
    public VictimWishes? VictimWishes { get; private set; }

    /// <summary>The day the court received the application (may precede its entry here); null on records from before issue 15 (= the day of <see cref="ReceivedAt"/>).</summary>
    public DateOnly? ReceivedOn { get; private set; }

    /// <summary>The day the court received it: <see cref="ReceivedOn"/>, else the day it was entered.</summary>
    public DateOnly ApplicationDay => ReceivedOn ?? ShanghaiTime.DayOf(ReceivedAt);

    /// <summary>The parsed relation, null for free text from older records.</summary>
    public RespondentRelation? Relation => StableName.TryParse<RespondentRelation>(RespondentRelation ?? string.Empty, out var r) ? r : null;

    /// <summary>The articles the application rests on (<see cref="ProtectionOrderEligibility.Basis"/>).</summary>
    public IReadOnlyList<Citation> Basis => ProtectionOrderEligibility.Basis(ApplicantType, InabilityReason, Relation, ApplicationDay);

    public ApplicationGround Ground { get; private set; }

    public string Facts { get; private set; }

    /// <summary>The applicant asked for the urgent procedure: the ruling is due within 24 h instead of 72 h.</summary>
    public bool Emergency { get; private set; }

    public ProtectionOrderStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AcceptedByUserId { get; private set; }

    /// <summary>When the court ruled (issued or rejected).</summary>
    public DateTimeOffset? RuledAt { get; private set; }

    public Guid? RuledByUserId { get; private set; }

    /// <summary>The day the order was made (Beijing); it takes effect that day.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>The last day of validity as the court states it (in force until 24:00 that day).</summary>
    public DateOnly? ValidUntil { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>The police agency the order was sent to for enforcement and verification.</summary>
    public Guid? PoliceAgencyId { get; private set; }

    public int ViolationCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ProtectionOrderMeasure> Measures => measures;

    public IReadOnlyList<ProtectionOrderService> Services => services;

    public IReadOnlyList<ProtectionOrderAmendment> Amendments => amendments;

    public IReadOnlyList<ProtectionOrderBreach> Breaches => breaches;

    public IEnumerable<MeasureItem> RequestedMeasures => measures.Where(m => !m.Ordered).Select(m => m.ToItem());

    public IEnumerable<MeasureItem> OrderedMeasures => measures.Where(m => m.Ordered).Select(m => m.ToItem());

    /// <summary>Issued, not revoked, and the court-stated last day has not ended (Beijing time).</summary>
    public bool IsInForceAt(DateTimeOffset now) =>
        Status == ProtectionOrderStatus.Issued && ValidUntil is { } until && ShanghaiTime.DayOf(now) <= until;

    /// <summary>The latest last day a court may state for an order made on <paramref name="made"/>: six months on, same-numbered day or month end (Civil Code Art 202).</summary>
    public static DateOnly LatestValidUntil(DateOnly made) => made.AddMonths(MaxValidityMonths);

    /// <exception cref="DomainRuleViolationException">The application fails ADVL Art 27 or the form (<c>protection-order.incomplete</c>).</exception>
    public static ProtectionOrder File(
        Guid id, Guid caseId, ProtectionOrderApplication application, Guid courtAgencyId, Guid filedByAgencyId, Guid filedByUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(application);
        var problems = application.Problems(ShanghaiTime.DayOf(at));
        if (problems.Count > 0)
        {
            throw new DomainRuleViolationException(
                "protection-order.incomplete", $"The application is incomplete: {string.Join(", ", problems.Select(p => p.Field).Distinct())}.");
        }

        var now = at.ToUniversalTime();
        var order = new ProtectionOrder
        {
            Id = id,
            CaseId = caseId,
            CourtAgencyId = courtAgencyId,
            FiledByAgencyId = filedByAgencyId,
            FiledByUserId = filedByUserId,
            ApplicantType = application.ApplicantType!.Value,
            ApplicantName = application.ApplicantName!.Trim(),
            ApplicantRelation = Clean(application.ApplicantRelation),
            VictimName = (application.ApplicantType == ApplicantType.Victim ? application.ApplicantName! : application.VictimName!).Trim(),
            RespondentName = application.RespondentName!.Trim(),
            RespondentIdNumber = Clean(application.RespondentIdNumber),
            RespondentAddress = Clean(application.RespondentAddress),
            RespondentRelation = application.RespondentRelation is { } relation ? StableName.Of(relation) : null,
            InabilityReason = application.ApplicantType == ApplicantType.Victim ? null : application.InabilityReason,
            VictimWishes = application.ApplicantType == ApplicantType.Victim ? null : application.VictimWishes,
            ReceivedOn = application.ReceivedOn ?? ShanghaiTime.DayOf(at),
            Ground = application.Ground!.Value,
            Facts = application.Facts!.Trim(),
            Emergency = application.Emergency,
            Status = ProtectionOrderStatus.Received,
            ReceivedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        foreach (var item in application.Measures)
        {
            order.measures.Add(new ProtectionOrderMeasure(Guid.CreateVersion7(now), id, item, ordered: false));
        }

        return order;
    }

    /// <summary>The court accepts the application (受理): the ruling clock starts now (ADVL Art 28).</summary>
    public void Accept(Guid by, DateTimeOffset at)
    {
        Require(ProtectionOrderStatus.Received, "accept");
        NotBefore(ReceivedAt, at);
        Status = ProtectionOrderStatus.Accepted;
        AcceptedAt = at.ToUniversalTime();
        AcceptedByUserId = by;
        Touch(at);
    }

    /// <summary>The court issues the order with its measures and the end date it states (at most six months from the day made).</summary>
    public void Issue(Guid by, DateTimeOffset at, IReadOnlyList<MeasureItem> ordered, DateOnly validUntil, Guid? policeAgencyId)
    {
        Require(ProtectionOrderStatus.Accepted, "issue");
        NotBefore(AcceptedAt!.Value, at);
        var problems = ProtectionOrderApplication.MeasureProblems("measures", ordered, "legal.measures-required").ToList();
        if (problems.Count > 0)
        {
            throw new DomainRuleViolationException(problems[0].Code, "An order needs at least one valid measure; 'other' (255) needs a description.");
        }

        var made = ShanghaiTime.DayOf(at);
        CheckValidity(made, validUntil);
        Status = ProtectionOrderStatus.Issued;
        RuledAt = at.ToUniversalTime();
        RuledByUserId = by;
        ValidFrom = made;
        ValidUntil = validUntil;
        PoliceAgencyId = policeAgencyId;
        ReplaceOrdered(ordered, at);
        Touch(at);
    }

    /// <summary>The court rejects the application (驳回), with its grounds.</summary>
    public void Reject(Guid by, DateTimeOffset at, string reason)
    {
        Require(ProtectionOrderStatus.Accepted, "reject");
        NotBefore(AcceptedAt!.Value, at);
        Status = ProtectionOrderStatus.Rejected;
        RuledAt = at.ToUniversalTime();
        RuledByUserId = by;
        RejectionReason = Reason(reason);
        Touch(at);
    }

    /// <summary>Extends an order in force to a new last day, at most six months beyond the current one.</summary>
    public void Extend(Guid by, DateTimeOffset at, DateOnly newValidUntil, string reason)
    {
        RequireInForce(at, "extend");
        var current = ValidUntil!.Value;
        if (newValidUntil <= current)
        {
            throw new DomainRuleViolationException("protection-order.extension-not-later", "An extension must end after the current last day.");
        }

        if (newValidUntil > LatestValidUntil(current))
        {
            throw new DomainRuleViolationException("protection-order.validity-too-long", "An order (or an extension) lasts at most six months.");
        }

        amendments.Add(new ProtectionOrderAmendment(Guid.CreateVersion7(at), Id, AmendmentKind.Extension, at, current, newValidUntil, Reason(reason), by));
        ValidUntil = newValidUntil;
        Touch(at);
    }

    /// <summary>Replaces the ordered measures of an order in force.</summary>
    public void Change(Guid by, DateTimeOffset at, IReadOnlyList<MeasureItem> ordered, string reason)
    {
        RequireInForce(at, "change");
        var problems = ProtectionOrderApplication.MeasureProblems("measures", ordered, "legal.measures-required").ToList();
        if (problems.Count > 0)
        {
            throw new DomainRuleViolationException(problems[0].Code, "An order needs at least one valid measure; 'other' (255) needs a description.");
        }

        amendments.Add(new ProtectionOrderAmendment(Guid.CreateVersion7(at), Id, AmendmentKind.Change, at, ValidUntil, ValidUntil, Reason(reason), by));
        ReplaceOrdered(ordered, at);
        Touch(at);
    }

    /// <summary>Revokes an order in force.</summary>
    public void Revoke(Guid by, DateTimeOffset at, string reason)
    {
        RequireInForce(at, "revoke");
        amendments.Add(new ProtectionOrderAmendment(Guid.CreateVersion7(at), Id, AmendmentKind.Revocation, at, ValidUntil, null, Reason(reason), by));
        Status = ProtectionOrderStatus.Revoked;
        RevokedAt = at.ToUniversalTime();
        Touch(at);
    }

    /// <summary>Records that the ruling (order, rejection or revocation) was served on a recipient.</summary>
    public ProtectionOrderService RecordService(Guid by, ServiceRecipient recipient, DeliveryMethod method, DateTimeOffset servedAt, Guid? recipientAgencyId, DateTimeOffset now)
    {
        if (Status is ProtectionOrderStatus.Received or ProtectionOrderStatus.Accepted)
        {
            throw new DomainRuleViolationException("protection-order.not-ruled", "Only a ruling can be served: the court has not ruled yet.");
        }

        if (servedAt < RuledAt!.Value || servedAt > now.AddMinutes(5))
        {
            throw new DomainRuleViolationException("protection-order.service-time", "Service happens after the ruling and not in the future.");
        }

        var record = new ProtectionOrderService(Guid.CreateVersion7(now), Id, recipient, method, servedAt, recipientAgencyId, by);
        services.Add(record);
        Touch(now);
        return record;
    }

    /// <summary>A breach of the order was reported (ADVL Art 34); only an order in force can be breached.</summary>
    public ProtectionOrderBreach RecordViolation(DateTimeOffset at, Guid by, Guid byAgency, DateTimeOffset now)
    {
        RequireInForce(at, "report a violation of");
        var breach = new ProtectionOrderBreach(Guid.CreateVersion7(now), Id, ViolationCount + 1, at, by, byAgency, now);
        breaches.Add(breach);
        ViolationCount++;
        Touch(now);
        return breach;
    }

    /// <summary>
    /// The court answers a breach (ADVL Art 34): <paramref name="breachId"/>, else the first breach (by number) not yet answered.
    /// The sanction is one <see cref="BreachSanction.Decide"/> allows.
    /// </summary>
    public ProtectionOrderBreach AnswerBreach(Guid? breachId, BreachSanction sanction, Guid by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        var breach = breachId is { } id
            ? breaches.SingleOrDefault(b => b.Id == id) ?? throw new DomainRuleViolationException("protection-order.breach-unknown", "This order has no such breach.")
            : breaches.Where(b => !b.IsAnswered).OrderBy(b => b.Number).FirstOrDefault()
                ?? throw new DomainRuleViolationException("protection-order.no-open-breach", "No reported breach of this order awaits the court's answer.");
        breach.Answer(sanction, by, at);
        Touch(at);
        return breach;
    }

    private static void CheckValidity(DateOnly made, DateOnly validUntil)
    {
        if (validUntil < made)
        {
            throw new DomainRuleViolationException("protection-order.validity-before-made", "The last day cannot precede the day the order is made.");
        }

        if (validUntil > LatestValidUntil(made))
        {
            throw new DomainRuleViolationException("protection-order.validity-too-long", "An order lasts at most six months from the day it is made (ADVL Art 30).");
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Reason(string? reason)
    {
        var text = reason?.Trim() ?? string.Empty;
        return text.Length is 0 or > ReasonMaxLength
            ? throw new DomainRuleViolationException("protection-order.reason", $"State the grounds in 1–{ReasonMaxLength} characters.")
            : text;
    }

    private void ReplaceOrdered(IReadOnlyList<MeasureItem> ordered, DateTimeOffset at)
    {
        measures.RemoveAll(m => m.Ordered);
        foreach (var item in ordered)
        {
            measures.Add(new ProtectionOrderMeasure(Guid.CreateVersion7(at), Id, item, ordered: true));
        }
    }

    private void Require(ProtectionOrderStatus expected, string move)
    {
        if (Status != expected)
        {
            throw new DomainRuleViolationException($"protection-order.already-{StableName.Of(Status)}", $"Cannot {move} an order that is {StableName.Of(Status)}.");
        }
    }

    private void RequireInForce(DateTimeOffset at, string move)
    {
        if (Status != ProtectionOrderStatus.Issued)
        {
            throw new DomainRuleViolationException($"protection-order.already-{StableName.Of(Status)}", $"Cannot {move} an order that is {StableName.Of(Status)}.");
        }

        if (!IsInForceAt(at))
        {
            throw new DomainRuleViolationException("protection-order.expired", $"The order expired at the end of {ValidUntil:yyyy-MM-dd}; it is no longer in force (cannot {move} it).");
        }
    }

    private static void NotBefore(DateTimeOffset earlier, DateTimeOffset at)
    {
        if (at < earlier)
        {
            throw new DomainRuleViolationException("protection-order.time-order", "A step cannot happen before the step it follows.");
        }
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at.ToUniversalTime();
        Version++;
    }
}
