using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>Finds the nearest active agency of some types for a place: its community, then town, district and city.</summary>
public sealed class AgencyDirectory(LianhuDbContext db)
{
    public async Task<Guid?> NearestAsync(string divisionCode, CancellationToken ct, params AgencyType[] types)
    {
        if (!DivisionCode.TryParse(divisionCode, out var division, out _))
        {
            return null;
        }

        for (DivisionCode? d = division; d is { } current; d = current.Parent)
        {
            var code = current.Value;
            var found = await db.Agencies.AsNoTracking()
                .Where(a => a.DivisionCode == code && types.Contains(a.Type) && a.IsActive)
                .OrderBy(a => a.Id)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    public Task<bool> IsActiveOfTypeAsync(Guid agencyId, AgencyType type, CancellationToken ct) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Id == agencyId && a.Type == type && a.IsActive, ct);

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
