using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// How the user stands to a case they can see (lead, supervising centre, emergency access …) and
/// what the permission table (<see cref="SectionPolicy"/>, data) grants them in each section.
/// </summary>
public sealed class CaseAccess(SectionPolicy policy)
{
    public SectionPolicy Policy => policy;

    public static CaseRelation RelationTo(CurrentUser user, Case c)
    {
        if (c.LeadAgencyId == user.AgencyId)
        {
            return CaseRelation.Lead;
        }

        if ((user.AgencyType == AgencyType.LinkageCentre && DivisionCode.TryParse(c.DivisionCode, out var division, out _) && user.Division.Contains(division))
            || user.SupervisedAgencies.Contains(c.LeadAgencyId))
        {
            return CaseRelation.Supervising;
        }

        return user.TaskCases.Contains(c.Id) ? CaseRelation.TaskHolder : user.EmergencyCases.Contains(c.Id) ? CaseRelation.BreakGlass : CaseRelation.Unrelated;
    }

    public IReadOnlyDictionary<CaseSection, SectionAccess> Grants(CurrentUser user, Case c) => policy.Grants(user.Roles, RelationTo(user, c));

    public bool CanRead(CurrentUser user, Case c, CaseSection section) => policy.For(user.Roles, RelationTo(user, c), section) >= SectionAccess.Read;

    public bool CanWrite(CurrentUser user, Case c, CaseSection section) => policy.For(user.Roles, RelationTo(user, c), section) >= SectionAccess.Write;
}
