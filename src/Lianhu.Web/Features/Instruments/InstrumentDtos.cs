using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;

namespace Lianhu.Web.Features.Instruments;

/// <summary>An instrument as listed: its latest name and every version number, plus who published each.</summary>
public sealed record InstrumentSummaryDto(
    string Id,
    LocalizedText Name,
    int LatestVersion,
    IReadOnlyList<int> Versions,
    bool IsLocalPolicy,
    IReadOnlyList<InstrumentVersionDto> History);

public sealed record InstrumentVersionDto(
    string Id, int Version, string Source, DateTimeOffset PublishedAt, Guid? PublishedByUserId, Guid? PublishedByAgencyId)
{
    public static InstrumentVersionDto From(InstrumentVersion v) =>
        new(v.InstrumentId, v.Version, StableName.Of(v.Source), v.PublishedAt, v.PublishedByUserId, v.PublishedByAgencyId);
}
