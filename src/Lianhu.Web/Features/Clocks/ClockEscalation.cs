using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Who hears of a breach: the linkage centre of the tier above the agency that owned the clock (a
/// community workstation → its town's centre; a town police station → the district centre; a
/// district court → the city centre; a city agency → the city centre). Where a division has no
/// active centre the search climbs on; the division is recorded even when no centre is found.
/// </summary>
public sealed class ClockEscalation(LianhuDbContext db)
{
    public sealed record Target(string DivisionCode, Guid? AgencyId);

    public async Task<Target> SupervisorOfAsync(Guid ownerAgencyId, string fallbackDivision, CancellationToken ct)
    {
        var ownerDivision = await db.Agencies.AsNoTracking().Where(a => a.Id == ownerAgencyId).Select(a => a.DivisionCode).SingleOrDefaultAsync(ct)
            ?? fallbackDivision;
        var division = DivisionCode.Parse(ownerDivision);
        var supervising = division.Parent ?? division;
        for (DivisionCode? d = supervising; d is { } current; d = current.Parent)
        {
            var code = current.Value;
            var centre = await db.Agencies.AsNoTracking()
                .Where(a => a.DivisionCode == code && a.Type == AgencyType.LinkageCentre && a.IsActive)
                .OrderBy(a => a.Id)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(ct);
            if (centre is not null)
            {
                return new Target(code, centre);
            }
        }

        return new Target(supervising.Value, null);
    }
}
