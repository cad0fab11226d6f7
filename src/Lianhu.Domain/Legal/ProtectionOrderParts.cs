namespace Lianhu.Domain.Legal;

/// <summary>A measure of an order: requested by the applicant, or ordered by the court.</summary>
public sealed class ProtectionOrderMeasure
{
    private ProtectionOrderMeasure()
    {
    }

    internal ProtectionOrderMeasure(Guid id, Guid orderId, MeasureItem item, bool ordered)
    {
        Id = id;
        OrderId = orderId;
        Code = item.Code;
        Text = string.IsNullOrWhiteSpace(item.Text) ? null : item.Text.Trim();
        Ordered = ordered;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>The SPC code (1, 2, 3, 4, 5, 255), stored as the number.</summary>
    public ProtectionMeasure Code { get; private set; }

    /// <summary>The details (required for 255); stored encrypted.</summary>
    public string? Text { get; private set; }

    /// <summary>False: asked for in the application; true: in the court's order.</summary>
    public bool Ordered { get; private set; }

    public MeasureItem ToItem() => new(Code, Text);
}

/// <summary>A record that the ruling was served on someone (ADVL Art 32: parties, police, committee).</summary>
public sealed class ProtectionOrderService
{
    private ProtectionOrderService()
    {
    }

    internal ProtectionOrderService(Guid id, Guid orderId, ServiceRecipient recipient, DeliveryMethod method, DateTimeOffset servedAt, Guid? recipientAgencyId, Guid recordedBy)
    {
        Id = id;
        OrderId = orderId;
        Recipient = recipient;
        Method = method;
        ServedAt = servedAt.ToUniversalTime();
        RecipientAgencyId = recipientAgencyId;
        RecordedByUserId = recordedBy;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public ServiceRecipient Recipient { get; private set; }

    public DeliveryMethod Method { get; private set; }

    public DateTimeOffset ServedAt { get; private set; }

    /// <summary>The police agency or committee served, when the recipient is an agency.</summary>
    public Guid? RecipientAgencyId { get; private set; }

    public Guid RecordedByUserId { get; private set; }
}

/// <summary>An extension, change or revocation of an order in force (ADVL Art 30).</summary>
public sealed class ProtectionOrderAmendment
{
    private ProtectionOrderAmendment()
    {
        Reason = string.Empty;
    }

    internal ProtectionOrderAmendment(Guid id, Guid orderId, AmendmentKind kind, DateTimeOffset at, DateOnly? previousValidUntil, DateOnly? newValidUntil, string reason, Guid by)
    {
        Id = id;
        OrderId = orderId;
        Kind = kind;
        At = at.ToUniversalTime();
        PreviousValidUntil = previousValidUntil;
        NewValidUntil = newValidUntil;
        Reason = reason;
        ByUserId = by;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public AmendmentKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DateOnly? PreviousValidUntil { get; private set; }

    public DateOnly? NewValidUntil { get; private set; }

    /// <summary>The ruling's grounds; stored encrypted.</summary>
    public string Reason { get; private set; }

    public Guid ByUserId { get; private set; }
}

/// <summary>
/// A breach of an order in force (ADVL Art 34) and, once the court has answered, its sanction: a
/// transfer for criminal liability, or an admonition with an optional fine (≤ 1,000 yuan) and/or
/// detention (≤ 15 days) — <see cref="BreachSanction"/>.
/// </summary>
public sealed class ProtectionOrderBreach
{
    private ProtectionOrderBreach()
    {
    }

    internal ProtectionOrderBreach(Guid id, Guid orderId, int number, DateTimeOffset occurredAt, Guid reportedBy, Guid reportedByAgency, DateTimeOffset reportedAt)
    {
        Id = id;
        Number = number;
        ReportedByAgencyId = reportedByAgency;
        OrderId = orderId;
        OccurredAt = occurredAt.ToUniversalTime();
        ReportedByUserId = reportedBy;
        ReportedAt = reportedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    /// <summary>The breach's place among the order's breaches (1, 2, …): the court answers them in this order.</summary>
    public int Number { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public Guid ReportedByUserId { get; private set; }

    public Guid ReportedByAgencyId { get; private set; }

    /// <summary>The court's answer; null until it has answered.</summary>
    public BreachResponse? Response { get; private set; }

    public int? FineYuan { get; private set; }

    public int? DetentionDays { get; private set; }

    /// <summary>For a transfer: the criminal provision cited (default Criminal Law Art 313).</summary>
    public string? CriminalBasis { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public bool IsAnswered => Response is not null;

    internal void Answer(BreachSanction sanction, Guid by, DateTimeOffset at)
    {
        if (IsAnswered)
        {
            throw new Common.DomainRuleViolationException("protection-order.breach-answered", "The court has already answered this breach.");
        }

        if (at < ReportedAt)
        {
            throw new Common.DomainRuleViolationException("protection-order.time-order", "A step cannot happen before the step it follows.");
        }

        Response = sanction.Response;
        FineYuan = sanction.FineYuan;
        DetentionDays = sanction.DetentionDays;
        CriminalBasis = sanction.CriminalBasis;
        DecidedAt = at.ToUniversalTime();
        DecidedByUserId = by;
    }
}
