using Lianhu.Domain.Cases;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Persons;

/// <summary>Writes a link or unlink of person records on the timeline of every case those records are parties to.</summary>
public sealed class PersonTimeline(PersonAccess access, CaseTimeline timeline)
{
    public async Task RecordAsync(CaseEventKind kind, IReadOnlyCollection<Guid> personIds, CurrentUser user, string detail, CancellationToken ct)
    {
        foreach (var caseId in await access.AllCasesOfAsync(personIds, ct))
        {
            timeline.Record(caseId, kind, CaseSections.Parties, user.AgencyId, user.UserId, detail: detail);
        }
    }
}
