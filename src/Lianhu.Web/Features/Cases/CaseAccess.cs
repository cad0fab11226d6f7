using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// How the user stands to a case they can see (lead, supervising centre, emergency access …) and
/// what the permission table (<see cref="SectionPolicy"/>, data) grants them in each section. A
/// non-statutory task holder gets only the sections its consents share (<see cref="CurrentUser.SharedSections"/>).
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

        return user.TaskCases.Contains(c.Id) || user.OrderCases.Contains(c.Id) ? CaseRelation.TaskHolder
            : user.EmergencyCases.Contains(c.Id) ? CaseRelation.BreakGlass : CaseRelation.Unrelated;
    }

    public IReadOnlyDictionary<CaseSection, SectionAccess> Grants(CurrentUser user, Case c)
    {
        var relation = RelationTo(user, c);
        var grants = policy.Grants(user.Roles, relation);
        return Shared(user, c, relation) is { } shared ? grants.Where(g => shared.Contains(g.Key)).ToDictionary() : grants;
    }

    public bool CanRead(CurrentUser user, Case c, CaseSection section) => For(user, c, section) >= SectionAccess.Read;

    /// <summary>Emergency (break-glass) readers never write, whatever the table says.</summary>
    public bool CanWrite(CurrentUser user, Case c, CaseSection section) => RelationTo(user, c) != CaseRelation.BreakGlass && For(user, c, section) >= SectionAccess.Write;

    /// <summary>What the permission table, limited by consents and orders, grants this user in one section of this case.</summary>
    public SectionAccess For(CurrentUser user, Case c, CaseSection section)
    {
        var relation = RelationTo(user, c);
        return Shared(user, c, relation) is { } shared && !shared.Contains(section) ? SectionAccess.None : policy.For(user.Roles, relation, section);
    }

    private static readonly IReadOnlySet<CaseSection> LegalOnly = new HashSet<CaseSection> { CaseSection.Legal };

    /// <summary>
    /// The sections that limit this user on this case; null when the table alone decides: a
    /// non-statutory body's consented sections, and for a court or police that stands to the case
    /// only through a protection order, the legal section.
    /// </summary>
    private static IReadOnlySet<CaseSection>? Shared(CurrentUser user, Case c, CaseRelation relation)
    {
        if (relation != CaseRelation.TaskHolder)
        {
            return null;
        }

        if (!user.TaskCases.Contains(c.Id))
        {
            return LegalOnly; // an order's court or police, holding no task on the case
        }

        return user.SharedSections is { } shared ? shared.GetValueOrDefault(c.Id) ?? new HashSet<CaseSection>() : null;
    }
}
