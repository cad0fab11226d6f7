using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Tasks;

/// <summary>Who asks for a request task: a person (the acting user) or the system on an agency's behalf (a breached clock).</summary>
public sealed record Requester(Guid UserId, Guid AgencyId, AuditActor Actor)
{
    public static Requester Of(CurrentUser user) => new(user.UserId, user.AgencyId, user.AsActor());
}

/// <summary>Creates a request task (lead transfer, escalation) with its clock, audit event and push.</summary>
public sealed class TaskRequests(LianhuDbContext db, AuditTrail audit, TimeProvider time, RoutingPolicy policy, TaskClocks routing, InboxPublisher inbox, Notifications.WebhookOutbox outbox)
{
    public Task<TaskDto> CreateAsync(
        CurrentUser user, Guid caseId, CaseTaskKind kind, (Guid Id, AgencyType Type, Tier Tier) to, RoutingText reason, string requestText, AuditAction action, CancellationToken ct, int? hours = null, bool save = true) =>
        CreateAsync(Requester.Of(user), caseId, kind, to, reason, requestText, action, ct, hours, save);

    public async Task<TaskDto> CreateAsync(
        Requester by, Guid caseId, CaseTaskKind kind, (Guid Id, AgencyType Type, Tier Tier) to, RoutingText reason, string requestText, AuditAction action, CancellationToken ct, int? hours = null, bool save = true, Guid? id = null)
    {
        var now = time.GetUtcNow();
        var taskId = id ?? Guid.CreateVersion7(now);
        var period = hours ?? policy.ReassignDueHours;
        // A non-statutory body (e.g. named in a conference decision) without consent gets the work held: no clock, no access.
        var clock = await routing.ClockUnlessHeldAsync(caseId, taskId, period, to.Id, to.Type, by.UserId, now, ct);
        var task = CaseTask.Request(taskId, caseId, kind, to.Id, to.Type, to.Tier, by.AgencyId, reason, requestText, clock?.DueAt ?? now.AddHours(period), by.UserId, now);
        TaskClocks.AttachOrHold(task, clock, by.Actor, action, audit);
        db.CaseTasks.Add(task);
        if (save)
        {
            var lead = clock is null ? await routing.LeadOfAsync(caseId, ct) : Guid.Empty;
            List<InboxSignal> signals = [InboxSignal.ForNewTask(to.Id, clock is null, lead, taskId, caseId)];
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
        }

        return task.ToDto(now);
    }
}
