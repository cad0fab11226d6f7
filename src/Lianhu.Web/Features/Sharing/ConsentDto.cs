using System.Globalization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Sharing;

namespace Lianhu.Web.Features.Sharing;

/// <summary>A consent or legal basis as the API shows it; <c>state</c> is in-force, expired or withdrawn at the time of the request.</summary>
public sealed record ConsentDto(
    Guid Id,
    Guid CaseId,
    string Basis,
    string State,
    string? GivenBy,
    string? Method,
    string? LegalBasis,
    string? LegalBasisName,
    string? Citation,
    Guid? AgencyId,
    string? AgencyName,
    string AgencyType,
    IReadOnlyList<string> Sections,
    DateTimeOffset? ExpiresAt,
    string? Note,
    DateTimeOffset RecordedAt,
    Guid RecordedByUserId,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawalReason,
    IReadOnlyList<Guid>? ReleasedTaskIds = null);

public static class ConsentDtoMapping
{
    public static ConsentDto ToDto(this CaseConsent c, DateTimeOffset now, SharingPolicy policy, string? agencyName, IReadOnlyList<Guid>? released = null) => new(
        c.Id,
        c.CaseId,
        StableName.Of(c.Basis),
        c.StateAt(now),
        c.GivenBy is { } g ? StableName.Of(g) : null,
        c.Method is { } m ? StableName.Of(m) : null,
        c.LegalBasis,
        policy.FindBasis(c.LegalBasis) is { } b ? (CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? b.ZhCn : b.En) : null,
        c.Citation,
        c.AgencyId,
        agencyName,
        StableName.Of(c.AgencyType),
        [.. c.Sections.Select(StableName.Of)],
        c.ExpiresAt,
        c.Note,
        c.RecordedAt,
        c.RecordedByUserId,
        c.WithdrawnAt,
        c.WithdrawalReason,
        released);
}
