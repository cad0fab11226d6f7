using Lianhu.Domain.Common;

namespace Lianhu.Domain.Legal;

/// <summary>
/// A police warning letter (告诫书, ADVL Arts 16–17): issued by a police agency when the violence
/// is minor and no public-order penalty is given. It must name the abuser's identity, state the
/// facts and prohibit domestic violence (<see cref="WarningLetterContent.Problems"/>); it is
/// delivered to the abuser and the victim, and the residents'/villagers' committee is notified.
/// </summary>
public sealed class WarningLetter
{
    private readonly List<WarningLetterDelivery> deliveries = [];

    private WarningLetter()
    {
        RespondentName = string.Empty;
        RespondentIdNumber = string.Empty;
        RespondentKey = string.Empty;
        VictimName = string.Empty;
        VictimKey = string.Empty;
        Facts = string.Empty;
        Prohibition = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid IssuedByAgencyId { get; private set; }

    public Guid IssuedByUserId { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public string RespondentName { get; private set; }

    public string RespondentIdNumber { get; private set; }

    public string? RespondentAddress { get; private set; }

    /// <summary>Blind index of the respondent's ID number: finds earlier letters to the same person without storing the number in clear.</summary>
    public string RespondentKey { get; private set; }

    public string VictimName { get; private set; }

    /// <summary>Blind index of the victim's name: with <see cref="RespondentKey"/>, "the same household".</summary>
    public string VictimKey { get; private set; }

    public string Facts { get; private set; }

    /// <summary>The letter's prohibition of domestic violence, in the words printed on it.</summary>
    public string Prohibition { get; private set; }

    /// <summary>How many letters to the same respondent in the same household came before this one.</summary>
    public int PriorLetters { get; private set; }

    public IReadOnlyList<WarningLetterDelivery> Deliveries => deliveries;

    public bool IsRepeat => PriorLetters > 0;

    /// <exception cref="DomainRuleViolationException">The content is incomplete (<c>warning-letter.incomplete</c>).</exception>
    public static WarningLetter Issue(
        Guid id, Guid caseId, WarningLetterContent content, string respondentKey, string victimKey, int priorLetters, Guid agencyId, Guid userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var problems = content.Problems();
        if (problems.Count > 0)
        {
            throw new DomainRuleViolationException(
                "warning-letter.incomplete", $"A warning letter needs the abuser's identity, the facts and the prohibition: {string.Join(", ", problems.Select(p => p.Field).Distinct())}.");
        }

        return new WarningLetter
        {
            Id = id,
            CaseId = caseId,
            IssuedByAgencyId = agencyId,
            IssuedByUserId = userId,
            IssuedAt = at.ToUniversalTime(),
            RespondentName = content.RespondentName!.Trim(),
            RespondentIdNumber = content.RespondentIdNumber!.Trim(),
            RespondentAddress = string.IsNullOrWhiteSpace(content.RespondentAddress) ? null : content.RespondentAddress.Trim(),
            RespondentKey = respondentKey,
            VictimName = content.VictimName!.Trim(),
            VictimKey = victimKey,
            Facts = content.Facts!.Trim(),
            Prohibition = content.Prohibition!.Trim(),
            PriorLetters = priorLetters,
        };
    }

    /// <summary>Records delivery to the abuser or the victim, or notification of the committee.</summary>
    public WarningLetterDelivery RecordDelivery(Guid by, ServiceRecipient recipient, DeliveryMethod method, DateTimeOffset deliveredAt, DateTimeOffset now)
    {
        if (recipient is not (ServiceRecipient.Respondent or ServiceRecipient.Victim or ServiceRecipient.Committee))
        {
            throw new DomainRuleViolationException("warning-letter.recipient", "A warning letter goes to the abuser and the victim; the committee is notified.");
        }

        if (deliveredAt < IssuedAt || deliveredAt > now.AddMinutes(5))
        {
            throw new DomainRuleViolationException("warning-letter.delivery-time", "Delivery happens after the letter is issued and not in the future.");
        }

        var record = new WarningLetterDelivery(Guid.CreateVersion7(now), Id, recipient, method, deliveredAt, by);
        deliveries.Add(record);
        return record;
    }

    /// <summary>The recipients Art 17 requires that have no delivery record yet.</summary>
    public IReadOnlyList<ServiceRecipient> Outstanding() =>
        [.. new[] { ServiceRecipient.Respondent, ServiceRecipient.Victim, ServiceRecipient.Committee }.Where(r => deliveries.All(d => d.Recipient != r))];
}

/// <summary>A delivery record of a warning letter.</summary>
public sealed class WarningLetterDelivery
{
    private WarningLetterDelivery()
    {
    }

    internal WarningLetterDelivery(Guid id, Guid letterId, ServiceRecipient recipient, DeliveryMethod method, DateTimeOffset deliveredAt, Guid by)
    {
        Id = id;
        LetterId = letterId;
        Recipient = recipient;
        Method = method;
        DeliveredAt = deliveredAt.ToUniversalTime();
        RecordedByUserId = by;
    }

    public Guid Id { get; private set; }

    public Guid LetterId { get; private set; }

    public ServiceRecipient Recipient { get; private set; }

    public DeliveryMethod Method { get; private set; }

    public DateTimeOffset DeliveredAt { get; private set; }

    public Guid RecordedByUserId { get; private set; }
}

/// <summary>The content of a warning letter as entered; <see cref="Problems"/> names each missing part.</summary>
public sealed record WarningLetterContent(
    string? RespondentName, string? RespondentIdNumber, string? RespondentAddress, string? VictimName, string? Facts, string? Prohibition)
{
    public IReadOnlyList<LegalProblem> Problems()
    {
        var problems = new List<LegalProblem>();
        void Need(string field, string? value, string code, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new(field, code));
            }
            else if (value.Trim().Length > max)
            {
                problems.Add(new(field, "legal.too-long"));
            }
        }

        Need("respondentName", RespondentName, "legal.letter-identity", ProtectionOrderApplication.NameMaxLength);
        Need("respondentIdNumber", RespondentIdNumber, "legal.letter-identity", 30);
        Need("victimName", VictimName, "required", ProtectionOrderApplication.NameMaxLength);
        Need("facts", Facts, "legal.letter-facts", ProtectionOrderApplication.TextMaxLength);
        Need("prohibition", Prohibition, "legal.letter-prohibition", ProtectionOrderApplication.TextMaxLength);
        if (RespondentAddress?.Trim().Length > ProtectionOrderApplication.AddressMaxLength)
        {
            problems.Add(new("respondentAddress", "legal.too-long"));
        }

        return problems;
    }
}
