using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>Division and agency names for a page of cases, loaded in two queries rather than per row.</summary>
public sealed class CaseNames
{
    private readonly Dictionary<string, string> divisions;
    private readonly Dictionary<Guid, string> agencies;

    private CaseNames(Dictionary<string, string> divisions, Dictionary<Guid, string> agencies)
    {
        this.divisions = divisions;
        this.agencies = agencies;
    }

    public static async Task<CaseNames> LoadAsync(LianhuDbContext db, IReadOnlyCollection<Case> cases, CancellationToken ct)
    {
        var divisionCodes = cases.Select(c => c.DivisionCode).Distinct().ToList();
        var agencyIds = cases.Select(c => c.LeadAgencyId).Distinct().ToList();
        var divisions = await db.Divisions.AsNoTracking().Where(d => divisionCodes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return new CaseNames(divisions, agencies);
    }

    public string? Division(string code) => divisions.GetValueOrDefault(code);

    public string? Agency(Guid id) => agencies.GetValueOrDefault(id);

    public CaseDto ToDto(Case c, CurrentUser user, CaseAccess access) =>
        c.ToDto(Division(c.DivisionCode), Agency(c.LeadAgencyId), CaseAccess.RelationTo(user, c), access.Grants(user, c));
}
