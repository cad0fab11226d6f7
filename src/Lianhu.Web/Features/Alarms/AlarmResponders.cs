using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// Who an alert goes to: for each responder type of the policy (the police station, the community
/// workstation), the agencies of that type holding an open task on the case — they already work it —
/// else the nearest of that type to the case's community (<see cref="RoutingPolicy.Resolve"/>, the one
/// rule); and, when nobody acknowledges in time, the district linkage centre above the community.
/// </summary>
public sealed class AlarmResponders(LianhuDbContext db, TaskClocks directory, AlarmPolicy policy)
{
    public async Task<IReadOnlyList<Guid>> ForCaseAsync(Guid caseId, string divisionCode, CancellationToken ct)
    {
        var working = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && CaseRelationQueries.OpenTask.Contains(t.Status))
            .Select(t => t.AgencyId).Distinct().ToListAsync(ct);
        var city = await directory.DirectoryAsync(divisionCode, ct);
        var community = DivisionCode.Parse(divisionCode);
        var found = new List<Guid>();
        foreach (var type in policy.Responders)
        {
            var holders = city.Where(a => a.Type == type && working.Contains(a.Id)).Select(a => a.Id).ToList();
            if (holders.Count == 0 && RoutingPolicy.Resolve(city, type, community) is { } nearest)
            {
                holders.Add(nearest.Id);
            }

            found.AddRange(holders.Where(h => !found.Contains(h)));
        }

        return found;
    }

    /// <summary>The district linkage centre above the case's community (or the nearest centre above that).</summary>
    public async Task<Guid?> DistrictCentreAsync(string divisionCode, CancellationToken ct)
    {
        var city = await directory.DirectoryAsync(divisionCode, ct);
        return RoutingPolicy.Resolve(city, AgencyType.LinkageCentre, RoutingPolicy.At(DivisionCode.Parse(divisionCode), Tier.District))?.Id;
    }
}
