using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Intake;

/// <summary>
/// What was recorded when a case came in: when and where, the relationship, forms of violence,
/// injuries, weapons, children present, needs and consent, and for a mandatory report who
/// reported it (confidential). One per case; the parties are <see cref="CaseParty"/> rows.
/// </summary>
public sealed class CaseIntake
{
    private CaseIntake()
    {
        ViolenceForms = [];
        Needs = [];
    }

    public Guid CaseId { get; private set; }

    public DateTimeOffset? OccurredAt { get; private set; }

    /// <summary>Stored encrypted.</summary>
    public string? Address { get; private set; }

    /// <summary>Keyed hash of the normalised address: the household key of repeat alarms.</summary>
    public string? AddressIndex { get; private set; }

    public Relationship? Relationship { get; private set; }

    public IReadOnlyList<ViolenceForm> ViolenceForms { get; private set; }

    public bool? Injured { get; private set; }

    public string? InjuryDetails { get; private set; }

    public bool? WeaponUsed { get; private set; }

    public string? WeaponDetails { get; private set; }

    public bool? ChildrenPresent { get; private set; }

    public IReadOnlyList<Need> Needs { get; private set; }

    public bool? ConsentGiven { get; private set; }

    public AgencyType? ReporterInstitution { get; private set; }

    public Guid? ReportedByAgencyId { get; private set; }

    public Guid? ReportedByUserId { get; private set; }

    /// <summary>For an institution's report: mandatory or referral (ADVL Art 14); null for older records (all were mandatory).</summary>
    public Legal.ReportKind? ReportKind { get; private set; }

    /// <summary>The reporter's identity is confidential: a mandatory report always; a referral when the reporter asked; null = older records (sealed).</summary>
    public bool? ReporterSealed { get; private set; }

    /// <summary>The duties the report rests on (comma-separated policy ids).</summary>
    public string? ReportDuties { get; private set; }

    /// <summary>The victim's civil capacity (stable name of <see cref="Legal.CivilCapacity"/>); capacity is health data, encrypted at rest.</summary>
    public string? VictimCapacity { get; private set; }

    /// <summary>How the capacity was arrived at (stable name of <see cref="Legal.CapacityBasis"/>), encrypted with it.</summary>
    public string? CapacityBasis { get; private set; }

    /// <summary>The reporter's identity is kept from everyone but the lead.</summary>
    public bool ReporterConfidential => IsMandatoryReport && ReporterSealed != false;

    /// <param name="addressIndex">The keyed hash of the normalised address (computed outside the domain: it needs the index key).</param>
    public static CaseIntake Record(Guid caseId, IntakeDetails details, string? addressIndex)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.Address is { Length: > IntakeDetails.AddressMaxLength })
        {
            throw new DomainRuleViolationException("intake.address", "The address is too long.");
        }

        return new CaseIntake
        {
            CaseId = caseId,
            OccurredAt = details.OccurredAt,
            Address = Blank(details.Address),
            AddressIndex = Blank(details.Address) is null ? null : addressIndex,
            Relationship = details.Relationship,
            ViolenceForms = [.. details.ViolenceForms.Distinct()],
            Injured = details.Injured,
            InjuryDetails = Blank(details.InjuryDetails),
            WeaponUsed = details.WeaponUsed,
            WeaponDetails = Blank(details.WeaponDetails),
            ChildrenPresent = details.ChildrenPresent,
            Needs = [.. details.Needs.Distinct()],
            ConsentGiven = details.ConsentGiven,
            ReporterInstitution = details.ReporterInstitution,
            ReportedByAgencyId = details.ReportedByAgencyId,
            ReportedByUserId = details.ReportedByUserId,
            ReportKind = details.ReportKind,
            ReporterSealed = details.ReporterSealed,
            ReportDuties = details.ReportDuties.Count == 0 ? null : string.Join(",", details.ReportDuties),
            VictimCapacity = details.VictimCapacity is { } capacity ? Common.StableName.Of(capacity) : null,
            CapacityBasis = details.CapacityBasis is { } basis ? Common.StableName.Of(basis) : null,
        };
    }

    public bool IsMandatoryReport => ReporterInstitution is not null;

    public void ChangeOccurredAt(DateTimeOffset? at) => OccurredAt = at;

    public void ChangeAddress(string? address, string? addressIndex)
    {
        if (address is { Length: > IntakeDetails.AddressMaxLength })
        {
            throw new DomainRuleViolationException("intake.address", "The address is too long.");
        }

        Address = Blank(address);
        AddressIndex = Address is null ? null : addressIndex;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
