using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Sharing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// The task-holder relation: staff of an agency holding an open task (created, accepted, in
/// progress) on a case. Loaded once per request into <see cref="CurrentUser.TaskCases"/>. For a
/// non-statutory body (<see cref="SharingPolicy"/>) only while a consent or legal basis in force
/// covers it, in the same SQL: expiry or withdrawal ends its access on its next request.
/// </summary>
public static class TaskHolders
{
    public static readonly CaseTaskStatus[] Open = CaseRelationQueries.OpenTask;

    /// <summary>May this user act on the task as its holder (accept, decline, start, complete, reassign)?</summary>
    public static bool MayHold(CurrentUser user, CaseTask task) => MayHold(user, task.AgencyId, task.Role);

    /// <summary>May this user hold a task of <paramref name="agencyId"/> with <paramref name="role"/> (<c>supervisor</c> = the leading group)?</summary>
    public static bool MayHold(CurrentUser user, Guid agencyId, string? role) =>
        user.AgencyId == agencyId
        && (role == "supervisor" ? user.Has(Role.Supervisor) : user.Has(Role.Caseworker) || user.Has(Role.Supervisor));
}
