using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>Finds the nearest active agency of some types for a place (<see cref="NearestAgency"/>: community, then town, district and city), and agencies' names.</summary>
public sealed class AgencyDirectory(LianhuDbContext db, DirectoryCache cache)
{
    public async Task<Guid?> NearestAsync(string divisionCode, CancellationToken ct, params AgencyType[] types) =>
        DivisionCode.TryParse(divisionCode, out var division, out _) ? await cache.NearestAsync(db, division, types, ct) : null;

    public Task<bool> IsActiveOfTypeAsync(Guid agencyId, AgencyType type, CancellationToken ct) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Id == agencyId && a.Type == type && a.IsActive, ct);

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
