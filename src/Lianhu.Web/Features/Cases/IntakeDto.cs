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
    IReadOnlyList<PartyDto> Parties);

/// <summary>
/// Who made a mandatory report. Every unit that sees the case sees the kind of institution
/// ("a school"); only the receiving (lead) unit sees which one (ADVL Art 14: confidential).
/// </summary>
public sealed record ReporterDto(string InstitutionType, string? AgencyName, bool Confidential);

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
    Guid Id, string Number, string Channel, string Status, DateTimeOffset ReceivedAt, string? ReceivedBy, string ReporterInstitution);
