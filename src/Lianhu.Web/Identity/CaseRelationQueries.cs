using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Identity;

/// <summary>
/// The queries behind a user's relations to cases that are not rows of the permission table:
/// the cases their agency holds an open task on, and what consents in force share with a
/// non-statutory body. Translated to SQL on SQLite and PostgreSQL; read once per request by
/// <see cref="CurrentUserAccessor"/>, and by the features that need the same predicates.
/// </summary>
public static class CaseRelationQueries
{
    /// <summary>Task states in which the holding agency is still at work on the case.</summary>
    public static readonly CaseTaskStatus[] OpenTask = [CaseTaskStatus.Created, CaseTaskStatus.Accepted, CaseTaskStatus.InProgress];

    /// <summary>Consents and legal bases in force at <paramref name="now"/> that cover the agency (by id, or by type when given for a type).</summary>
    public static IQueryable<CaseConsent> InForceFor(this IQueryable<CaseConsent> consents, Guid agencyId, AgencyType type, DateTimeOffset now) =>
        consents.Where(c => c.WithdrawnAt == null && (c.ExpiresAt == null || c.ExpiresAt > now) && (c.AgencyId == agencyId || (c.AgencyId == null && c.AgencyType == type)));

    /// <summary>Handling staff only: reporters, statisticians and auditors gain nothing from their agency's tasks.</summary>
    public static HashSet<Guid> OpenTaskCases(LianhuDbContext db, CurrentUser user, SharingPolicy sharing, DateTimeOffset now)
    {
        if (!user.Has(Role.Caseworker) && !user.Has(Role.Supervisor))
        {
            return [];
        }

        var agencyId = user.AgencyId;
        var tasks = db.CaseTasks.AsNoTracking().Where(t => t.AgencyId == agencyId && OpenTask.Contains(t.Status));
        if (sharing.NeedsConsent(user.AgencyType))
        {
            var consents = db.CaseConsents.InForceFor(agencyId, user.AgencyType, now);
            tasks = tasks.Where(t => consents.Any(c => c.CaseId == t.CaseId));
        }

        return tasks.Select(t => t.CaseId).Distinct().ToHashSet();
    }

    /// <summary>For a non-statutory body: per case, the sections its consents in force share with it (the rest stays closed).</summary>
    public static Dictionary<Guid, IReadOnlySet<CaseSection>> SharedSections(LianhuDbContext db, CurrentUser user, IReadOnlySet<Guid> cases, DateTimeOffset now)
    {
        var ids = cases.ToList();
        return db.CaseConsents.AsNoTracking().InForceFor(user.AgencyId, user.AgencyType, now).Where(c => ids.Contains(c.CaseId))
            .Select(c => new { c.CaseId, c.Sections }).AsEnumerable()
            .GroupBy(c => c.CaseId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<CaseSection>)g.SelectMany(c => c.Sections).ToHashSet());
    }
}
