using System.Text.Json.Serialization;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;

namespace Lianhu.Web.Features.Cases;

/// <summary>A case as the API shows it.</summary>
/// <remarks>
/// <see cref="Summary"/> belongs to the incident section and is null when the caller may not read
/// it; <see cref="Access"/> lists the sections the caller may read or write and <see cref="Relation"/>
/// how they stand to the case.
/// </remarks>
public sealed record CaseDto(
    Guid Id,
    string Number,
    string Channel,
    string? Summary,
    string DivisionCode,
    string? DivisionName,
    Guid LeadAgencyId,
    string? LeadAgencyName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version,
    string Relation,
    IReadOnlyDictionary<string, string> Access)
{
    /// <summary>What was recorded at intake (null for a case opened before intake content existed).</summary>
    public IntakeDto? Intake { get; init; }

    /// <summary>Only on an intake's answer: true when a repeat 110 alarm was attached to this open case instead of opening a new one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? AttachedToExisting { get; init; }
}

public sealed record CaseSummaryDto(
    Guid Id, string Number, string Channel, string DivisionCode, string? DivisionName, Guid LeadAgencyId, string? LeadAgencyName, string Status, DateTimeOffset CreatedAt);

public static class CaseMapping
{
    public static CaseDto ToDto(this Case c, string? divisionName, string? leadAgencyName, CaseRelation relation, IReadOnlyDictionary<CaseSection, SectionAccess> grants) => new(
        c.Id, c.Number, StableName.Of(c.Channel), grants.ContainsKey(CaseSection.Incident) ? c.Summary : null, c.DivisionCode, divisionName, c.LeadAgencyId, leadAgencyName,
        StableName.Of(c.Status), c.CreatedAt, c.UpdatedAt, c.Version, StableName.Of(relation),
        grants.ToDictionary(g => StableName.Of(g.Key), g => StableName.Of(g.Value)));
}
