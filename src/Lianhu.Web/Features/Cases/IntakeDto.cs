using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Cases;

/// <summary>What was recorded at intake, as the viewer may see it.</summary>
public sealed record IntakeDto(
    DateTimeOffset? OccurredAt,
    string? Address,
    string? Relationship,
    IReadOnlyList<string> ViolenceForms,
    Observation Injuries,
    Observation Weapons,
    bool? ChildrenPresent,
    IReadOnlyList<string> Needs,
    bool? ConsentGiven,
    ReporterDto? Reporter,
    IReadOnlyList<PartyDto> Parties)
{
    /// <summary>The victim's civil capacity recorded with an institution's report: none, limited, full (Civil Code Arts 17–22). Health data.</summary>
    public string? VictimCapacity { get; init; }

    /// <summary>How it was arrived at: age, own-labour, as-declared, as-observed.</summary>
    public string? CapacityBasis { get; init; }
}

/// <summary>
/// Who made an institution's report. Every unit that sees the case sees the kind of institution
/// ("a school"); only the receiving (lead) unit sees which one when the reporter is confidential
/// (ADVL Art 14 for a mandatory report; a referral only at the reporter's request).
/// </summary>
/// <param name="Kind">mandatory (a duty arose) or referral (no statutory duty).</param>
/// <param name="Duties">The duties the report was made under (policy ids: advl-14, minors-2020, wrpl-22).</param>
public sealed record ReporterDto(string InstitutionType, string? AgencyName, bool Confidential, string Kind = "mandatory", IReadOnlyList<string>? Duties = null);

/// <summary>
/// A party of the case. <see cref="LinkedRecords"/> counts the other records of the same person
/// in the index. A confidential reporter appears to units other than the lead without any detail.
/// </summary>
public sealed record PartyDto(
    Guid Id,
    string Role,
    Guid? PersonId,
    string? Name,
    string? IdNumber,
    string? Phone,
    DateOnly? BirthDate,
    string? Sex,
    int LinkedRecords,
    bool Confidential,
    string? Disability = null);

/// <summary>
/// What a mandatory reporter gets for a report: a receipt and the status, never the case
/// (ADVL Art 14). The receiving unit is named so the reporter knows where it went.
/// </summary>
public sealed record ReportReceiptDto(
    Guid Id, string Number, string Channel, string Status, DateTimeOffset ReceivedAt, string? ReceivedBy, string ReporterInstitution)
{
    /// <summary>mandatory (a statutory duty arose: ADVL Art 14, WRPL 2022 Art 22, 高检发〔2020〕9号) or referral (accepted, no duty).</summary>
    public string Kind { get; init; } = "mandatory";

    /// <summary>Whether the reporter's identity is kept confidential (always for a mandatory report).</summary>
    public bool ReporterSealed { get; init; } = true;

    /// <summary>The duties the report was made under, with their sources in words (empty for a referral).</summary>
    public IReadOnlyList<string> Basis { get; init; } = [];
}
