using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Sharing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Linkage;

/// <summary>
/// The task-holder relation: staff of an agency holding an open task (created, accepted, in
/// progress) on a case. Loaded once per request into <see cref="CurrentUser.TaskCases"/>. For a
/// non-statutory body (<see cref="SharingPolicy"/>) only while a consent or legal basis in force
/// covers it, in the same SQL: expiry or withdrawal ends its access on its next request.
/// </summary>
public static class TaskHolders
{
    public static readonly CaseTaskStatus[] Open = [CaseTaskStatus.Created, CaseTaskStatus.Accepted, CaseTaskStatus.InProgress];

    /// <summary>Handling staff only: reporters, statisticians and auditors gain nothing from their agency's tasks.</summary>
    public static HashSet<Guid> OpenTaskCases(LianhuDbContext db, CurrentUser user, SharingPolicy sharing, DateTimeOffset now)
    {
        if (!user.Has(Role.Caseworker) && !user.Has(Role.Supervisor))
        {
            return [];
        }

        var agencyId = user.AgencyId;
        var tasks = db.CaseTasks.AsNoTracking().Where(t => t.AgencyId == agencyId && Open.Contains(t.Status));
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

    /// <summary>May this user act on the task as its holder (accept, decline, start, complete, reassign)?</summary>
    public static bool MayHold(CurrentUser user, CaseTask task) => MayHold(user, task.AgencyId, task.Role);

    /// <summary>May this user hold a task of <paramref name="agencyId"/> with <paramref name="role"/> (<c>supervisor</c> = the leading group)?</summary>
    public static bool MayHold(CurrentUser user, Guid agencyId, string? role) =>
        user.AgencyId == agencyId
        && (role == "supervisor" ? user.Has(Role.Supervisor) : user.Has(Role.Caseworker) || user.Has(Role.Supervisor));
}
