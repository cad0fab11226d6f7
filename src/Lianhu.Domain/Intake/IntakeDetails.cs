using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Intake;

/// <summary>What an intake records beyond the case itself; every part is optional.</summary>
public sealed record IntakeDetails
{
    public const int AddressMaxLength = 500;
    public const int DetailsMaxLength = 2000;

    public DateTimeOffset? OccurredAt { get; init; }

    public string? Address { get; init; }

    public Relationship? Relationship { get; init; }

    public IReadOnlyList<ViolenceForm> ViolenceForms { get; init; } = [];

    public bool? Injured { get; init; }

    public string? InjuryDetails { get; init; }

    public bool? WeaponUsed { get; init; }

    public string? WeaponDetails { get; init; }

    public bool? ChildrenPresent { get; init; }

    public IReadOnlyList<Need> Needs { get; init; } = [];

    public bool? ConsentGiven { get; init; }

    /// <summary>For a mandatory report: the kind of institution that reported (shown to every agency that sees the case).</summary>
    public AgencyType? ReporterInstitution { get; init; }

    /// <summary>For a mandatory report filed by the institution itself: who filed it (confidential, ADVL Art 14).</summary>
    public Guid? ReportedByAgencyId { get; init; }

    public Guid? ReportedByUserId { get; init; }

    /// <summary>For an institution's report: mandatory (a duty arose) or a referral (ADVL Art 14, <see cref="Legal.MandatoryReporting"/>).</summary>
    public Legal.ReportKind? ReportKind { get; init; }

    /// <summary>Whether the reporter's identity is kept confidential: always for a mandatory report, on request for a referral.</summary>
    public bool? ReporterSealed { get; init; }

    /// <summary>The duties (policy ids, e.g. <c>advl-14</c>) the report was made under; empty for a referral.</summary>
    public IReadOnlyList<string> ReportDuties { get; init; } = [];

    /// <summary>The victim's civil capacity (Civil Code Arts 17–22) and how it was arrived at.</summary>
    public Legal.CivilCapacity? VictimCapacity { get; init; }

    public Legal.CapacityBasis? CapacityBasis { get; init; }
}
