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
}
