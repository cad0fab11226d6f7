using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Linkage;

/// <summary>
/// The task-holder relation: staff of an agency holding an open task (created, accepted, in
/// progress) on a case. Loaded once per request into <see cref="CurrentUser.TaskCases"/>.
/// </summary>
public static class TaskHolders
{
    public static readonly CaseTaskStatus[] Open = [CaseTaskStatus.Created, CaseTaskStatus.Accepted, CaseTaskStatus.InProgress];

    /// <summary>Handling staff only: reporters, statisticians and auditors gain nothing from their agency's tasks.</summary>
    public static HashSet<Guid> OpenTaskCases(LianhuDbContext db, CurrentUser user)
    {
        if (!user.Has(Role.Caseworker) && !user.Has(Role.Supervisor))
        {
            return [];
        }

        var agencyId = user.AgencyId;
        return db.CaseTasks.AsNoTracking().Where(t => t.AgencyId == agencyId && Open.Contains(t.Status)).Select(t => t.CaseId).Distinct().ToHashSet();
    }

    /// <summary>May this user act on the task as its holder (accept, decline, start, complete, reassign)?</summary>
    public static bool MayHold(CurrentUser user, CaseTask task) =>
        user.AgencyId == task.AgencyId
        && (task.Role == "supervisor" ? user.Has(Role.Supervisor) : user.Has(Role.Caseworker) || user.Has(Role.Supervisor));
}
