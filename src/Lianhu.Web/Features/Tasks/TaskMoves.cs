using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The result of a move on a task: the task, or 404 (not visible) / 403 (visible, not yours).</summary>
public sealed record TaskMoveOutcome(TaskDto? Task, bool Forbidden = false);

/// <summary>
/// Loads a task the caller can see (its case is in scope, <see cref="CaseScope"/>), checks that the
/// caller may make the move (the holder agency, or the routing centre / lead for cancel), applies
/// it and keeps the task's clock in step: a finished task completes its clock, a declined or
/// cancelled one cancels it; a clock already past due stays breached (a breach is never rewritten).
/// Shared by the accept, start, decline, complete, cancel and reassign use cases.
/// </summary>
public sealed class TaskMoves(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, RoutingPolicy policy, TaskClocks routing, InboxPublisher inbox, Notifications.WebhookOutbox outbox, CaseTimeline timeline)
{
    public Guid ActingUserId => current.Required.UserId;

    public enum Who
    {
        Holder,
        CentreOrLead,
    }

    public async Task<TaskMoveOutcome> MoveAsync(Guid taskId, Who who, AuditAction action, Func<CaseTask, DateTimeOffset, Task<IReadOnlyList<InboxSignal>>> move, CancellationToken ct)
    {
        var user = current.Required;
        var task = await db.CaseTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return new TaskMoveOutcome(null);
        }

        var theCase = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.Id == task.CaseId).Select(c => new { c.LeadAgencyId }).SingleOrDefaultAsync(ct);
        var isHolder = TaskHolders.MayHold(user, task);
        if (theCase is null && !isHolder)
        {
            return new TaskMoveOutcome(null);
        }

        var allowed = who switch
        {
            Who.Holder => isHolder,
            _ => user.AgencyId == task.RoutingCentreId || user.AgencyId == theCase?.LeadAgencyId,
        };
        if (!allowed)
        {
            return new TaskMoveOutcome(null, Forbidden: true);
        }

        var now = time.GetUtcNow();
        var signals = await move(task, now);
        audit.Record(user.AsActor(), action, "task", task.Id.ToString(), section: "case:" + task.CaseId.ToString("N"));
        await outbox.StageAsync(signals, ct);
        await db.SaveChangesAsync(ct);
        await inbox.PublishAsync(signals, ct);
        return new TaskMoveOutcome(task.ToDto(now));
    }

    /// <summary>Completes or cancels the task's clock if it still runs before its due time.</summary>
    public async Task SettleClockAsync(CaseTask task, bool completed, string text, DateTimeOffset now, CancellationToken ct)
    {
        if (task.ClockId is not { } clockId)
        {
            return;
        }

        var clock = await db.Clocks.SingleOrDefaultAsync(c => c.Id == clockId, ct);
        if (clock is null || !clock.IsRunning || now >= clock.DueAt)
        {
            return;
        }

        var by = current.Required.UserId;
        if (completed)
        {
            clock.Complete(by, text, now);
        }
        else
        {
            clock.Cancel(by, text, now);
        }
    }

    /// <summary>Declines: the task closes with the reason and a reassignment task goes to the routing centre.</summary>
    public async Task<IReadOnlyList<InboxSignal>> DeclineAsync(CaseTask task, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var user = current.Required;
        if (task.Kind is not (CaseTaskKind.Routed or CaseTaskKind.Reassignment or CaseTaskKind.ReturnVisit))
        {
            // A declined request: the requester keeps the case and hears the answer.
            task.Decline(user.UserId, reason ?? string.Empty, Guid.Empty, Tier.District, now.AddHours(1), now);
            await SettleClockAsync(task, completed: false, "declined", now, ct);
            if (task.Kind == CaseTaskKind.LeadTransfer)
            {
                timeline.Record(task.CaseId, Domain.Cases.CaseEventKind.LeadTransferDeclined, CaseSections.Linkage, user.AgencyId, user.UserId, detail: task.RoutingCentreId.ToString());
            }

            return [InboxSignal.ForAgency(task.RoutingCentreId, "task.declined", task.Id, task.CaseId)];
        }

        var centre = await db.Agencies.AsNoTracking().Where(a => a.Id == task.RoutingCentreId).Select(a => new { a.Tier }).SingleOrDefaultAsync(ct);
        var reassignmentId = Guid.CreateVersion7(now);
        var clock = routing.StartClock(task.CaseId, reassignmentId, policy.ReassignDueHours, task.RoutingCentreId, user.UserId, now);
        var reassignment = task.Decline(user.UserId, reason ?? string.Empty, reassignmentId, centre?.Tier ?? Tier.District, clock.DueAt, now)!;
        reassignment.AttachClock(clock.Id);
        db.CaseTasks.Add(reassignment);
        await SettleClockAsync(task, completed: false, "declined", now, ct);
        audit.Record(user.AsActor(), AuditAction.TaskCreate, "task", reassignment.Id.ToString(), section: "case:" + task.CaseId.ToString("N"));
        return [InboxSignal.ForAgency(task.RoutingCentreId, "task.declined", reassignment.Id, task.CaseId)];
    }

    /// <summary>
    /// The receiving agency accepted a lead transfer: first-in-charge moves now (not before), the
    /// request task completes, and the former lead hears it.
    /// </summary>
    public async Task<IReadOnlyList<InboxSignal>> TransferLeadAsync(CaseTask task, DateTimeOffset now, CancellationToken ct)
    {
        var user = current.Required;
        var theCase = await db.Cases.SingleAsync(c => c.Id == task.CaseId, ct);
        var former = theCase.LeadAgencyId;
        theCase.TransferLead(task.AgencyId, now);
        task.Complete(user.UserId, "lead accepted", now);
        await SettleClockAsync(task, completed: true, "lead accepted", now, ct);
        audit.Record(user.AsActor(), AuditAction.CaseLeadTransfer, "case", task.CaseId.ToString(), section: "case:" + task.CaseId.ToString("N"));
        timeline.Record(task.CaseId, Domain.Cases.CaseEventKind.LeadTransferred, CaseSections.Linkage, user.AgencyId, user.UserId, detail: former.ToString());
        return [InboxSignal.ForAgency(former, "case.lead-transferred", task.Id, task.CaseId)];
    }

    /// <summary>The feedback loop: a completed task is reported to the lead and to the routing centre.</summary>
    public async Task<IReadOnlyList<InboxSignal>> CompleteAsync(CaseTask task, string? outcome, DateTimeOffset now, CancellationToken ct)
    {
        task.Complete(current.Required.UserId, outcome ?? string.Empty, now);
        await SettleClockAsync(task, completed: true, "task completed", now, ct);
        var lead = await db.Cases.AsNoTracking().Where(c => c.Id == task.CaseId).Select(c => c.LeadAgencyId).SingleAsync(ct);
        return [InboxSignal.ForAgency(lead, "task.completed", task.Id, task.CaseId), InboxSignal.ForAgency(task.RoutingCentreId, "task.completed", task.Id, task.CaseId)];
    }

    /// <summary>The routing centre hands a reassignment task's work to another agency of the directory.</summary>
    public async Task<IReadOnlyList<InboxSignal>> ReassignAsync(CaseTask reassignment, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        if (reassignment.Kind != CaseTaskKind.Reassignment)
        {
            throw new Domain.Common.DomainRuleViolationException("task.not-reassignment", "Only a reassignment task is reassigned.");
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId && a.IsActive).Select(a => new { a.Id, a.Type, a.Tier }).SingleOrDefaultAsync(ct)
            ?? throw new Domain.Common.DomainRuleViolationException("task.unknown-agency", "No active agency with this id.");
        var declined = await db.CaseTasks.AsNoTracking().SingleAsync(t => t.Id == reassignment.ParentTaskId, ct);
        var user = current.Required;
        var hours = Math.Clamp((int)Math.Ceiling((declined.DueAt - declined.CreatedAt).TotalHours), 1, RoutingPolicy.MaxDueHours);
        var id = Guid.CreateVersion7(now);
        var reason = new RoutingText($"联动中心重新指派：{declined.ReasonZh}", $"reassigned by the linkage centre: {declined.ReasonEn}");
        // A non-statutory body without consent gets the work held, as routing would hold it: no clock, no access.
        var clock = await routing.ClockUnlessHeldAsync(reassignment.CaseId, id, hours, agency.Id, agency.Type, user.UserId, now, ct);
        var task = CaseTask.Assign(id, reassignment.CaseId, agency.Id, agency.Type, agency.Tier, reassignment.RoutingCentreId, declined.Step,
            reason, reassignment.Id, clock?.DueAt ?? now.AddHours(hours), user.UserId, now, declined.Kind);
        TaskClocks.AttachOrHold(task, clock, user.AsActor(), AuditAction.TaskCreate, audit);
        db.CaseTasks.Add(task);
        if (reassignment.Status == CaseTaskStatus.Created)
        {
            reassignment.Accept(now);
        }

        reassignment.Complete(user.UserId, "reassigned " + agency.Id.ToString("N"), now);
        await SettleClockAsync(reassignment, completed: true, "reassigned", now, ct);
        var lead = clock is null ? await routing.LeadOfAsync(task.CaseId, ct) : Guid.Empty;
        return [InboxSignal.ForNewTask(agency.Id, clock is null, lead, task.Id, task.CaseId)];
    }

    /// <summary>Maps an outcome to the HTTP answer: 200 with the task, 403 ProblemDetails, or 404.</summary>
    public static Results<Ok<TaskDto>, NotFound, ProblemHttpResult> ToHttp(TaskMoveOutcome outcome, IStringLocalizer text) => outcome switch
    {
        { Task: { } dto } => TypedResults.Ok(dto),
        { Forbidden: true } => Problems.Forbidden(text, "task.not-yours"),
        _ => TypedResults.NotFound(),
    };
}
