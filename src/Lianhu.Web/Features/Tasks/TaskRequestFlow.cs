using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The answer to a person's request: the task, or the field errors (400), or forbidden (403); all empty = not found (404).</summary>
public readonly record struct TaskRequestOutcome(TaskDto? Task, FieldErrors? Errors, bool Forbidden);

/// <summary>What a request use case chose: the receiving agency, the routing reason it is shown, the timeline entry and the audit action.</summary>
public sealed record TaskRequestTarget(CaseTaskKind Kind, (Guid Id, AgencyType Type, Tier Tier) To, RoutingText Reason, CaseEventKind Event, AuditAction AuditAction);

/// <summary>
/// The path a person's request task (lead transfer, escalation) takes: the case in the caller's
/// scope (else 404), the use case's permission check (else 403), a required reason plus the use
/// case's own fields (else 400), then a linkage timeline entry naming the receiver and the task with
/// its clock (<see cref="TaskRequests"/>). Only the permission and the choice of receiver differ.
/// </summary>
public sealed class TaskRequestFlow(LianhuDbContext db, CurrentUserAccessor current, TaskRequests requests, CaseTimeline timeline)
{
    /// <summary>
    /// Chooses the receiver, adding its field errors; returns null when <paramref name="errors"/> has any
    /// (the reason's included) and throws <see cref="Domain.Common.DomainRuleViolationException"/> (409) only for a valid request.
    /// </summary>
    public delegate Task<TaskRequestTarget?> Chooser(CurrentUser user, Case found, FieldErrors errors);

    public async Task<TaskRequestOutcome> RunAsync(Guid caseId, string? reason, IStringLocalizer text, Func<CurrentUser, Case, bool> mayRequest, Chooser choose, CancellationToken ct)
    {
        var user = current.Required;
        var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return new(null, null, false);
        }

        if (!mayRequest(user, found))
        {
            return new(null, null, true);
        }

        var errors = new FieldErrors(text).Required("reason", reason);
        var target = await choose(user, found, errors);
        if (target is null || errors.Any)
        {
            return new(null, errors, false);
        }

        timeline.Record(caseId, target.Event, CaseSections.Linkage, user.AgencyId, user.UserId, detail: target.To.Id.ToString());
        var task = await requests.CreateAsync(user, caseId, target.Kind, target.To, target.Reason, reason!, target.AuditAction, ct);
        return new(task, null, false);
    }
}
