using System.Text.Json.Serialization;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Features.Intake;

namespace Lianhu.Web.Features.Cases;

/// <summary>A case as the API shows it.</summary>
public sealed record CaseDto(
    Guid Id,
    string Number,
    string Channel,
    string Summary,
    string DivisionCode,
    string? DivisionName,
    Guid LeadAgencyId,
    string? LeadAgencyName,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
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
    public static CaseDto ToDto(this Case c, string? divisionName, string? leadAgencyName) => new(
        c.Id, c.Number, StableName.Of(c.Channel), c.Summary, c.DivisionCode, divisionName, c.LeadAgencyId, leadAgencyName,
        StableName.Of(c.Status), c.CreatedAt, c.UpdatedAt, c.Version);
}
