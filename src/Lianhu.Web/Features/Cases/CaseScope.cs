using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Which cases a user may see, as a WHERE clause every case query goes through:
/// the lead agency's staff, and linkage centres for every case located in their division and
/// below (the DHIS2 org-unit rule), city/district bureaus for the cases led by their own line in
/// their division (<see cref="Identity.SupervisionLines"/>), agencies holding an open linkage task on the case, and holders of active emergency (break-glass) access. Roles without case content (sysadmin, statistician, auditor
/// alone) see none. Anything else answers 404 — never a hint that the case exists.
/// <para>A mandatory reporter (role <c>reporter</c> alone) sees no case content either: ADVL Art 14
/// gives them a receipt and the status of their own reports only, which
/// <see cref="Intake.ListReports"/> serves from the report's own record (ADR 0011).</para>
/// </summary>
public static class CaseScope
{
    private static readonly Role[] ContentRoles = [Role.Caseworker, Role.Supervisor];

    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, CurrentUser user)
    {
        if (!ContentRoles.Any(user.Has))
        {
            return cases.Where(_ => false);
        }

        var agencyId = user.AgencyId;
        var emergency = user.EmergencyCases.Union(user.TaskCases).Union(user.OrderCases).ToList(); // granted by case id: emergency access, open tasks, protection orders
        var supervised = user.SupervisedAgencies.ToList();
        if (user.AgencyType == AgencyType.LinkageCentre)
        {
            var prefix = user.Division.ScopePrefix;
            return emergency.Count == 0
                ? cases.Where(c => c.LeadAgencyId == agencyId || c.DivisionCode.StartsWith(prefix))
                : cases.Where(c => c.LeadAgencyId == agencyId || c.DivisionCode.StartsWith(prefix) || emergency.Contains(c.Id));
        }

        // Each optional clause only when it can match, so the common query stays a plain equality.
        return (emergency.Count, supervised.Count) switch
        {
            (0, 0) => cases.Where(c => c.LeadAgencyId == agencyId),
            (0, _) => cases.Where(c => c.LeadAgencyId == agencyId || supervised.Contains(c.LeadAgencyId)),
            (_, 0) => cases.Where(c => c.LeadAgencyId == agencyId || emergency.Contains(c.Id)),
            _ => cases.Where(c => c.LeadAgencyId == agencyId || supervised.Contains(c.LeadAgencyId) || emergency.Contains(c.Id)),
        };
    }
}
