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

        // One query for the place and all its ancestors; the deepest division with a match wins.
        var chain = new List<string>();
        for (DivisionCode? d = division; d is { } current; d = current.Parent)
        {
            chain.Add(current.Value);
        }

        var found = await db.Agencies.AsNoTracking()
            .Where(a => chain.Contains(a.DivisionCode) && types.Contains(a.Type) && a.IsActive)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.DivisionCode })
            .ToListAsync(ct);
        // Nearest first along the chain (a city and its districts both have six digits, so the
        // chain's order decides, not the code's length); a stable sort keeps the database's order by id within a division.
        return found.OrderBy(a => chain.IndexOf(a.DivisionCode)).Select(a => (Guid?)a.Id).FirstOrDefault();
    }

    public Task<bool> IsActiveOfTypeAsync(Guid agencyId, AgencyType type, CancellationToken ct) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Id == agencyId && a.Type == type && a.IsActive, ct);

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
