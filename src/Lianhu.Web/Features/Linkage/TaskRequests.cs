using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Linkage;

/// <summary>Creates a request task (lead transfer, escalation) with its clock, audit event and push.</summary>
public sealed class TaskRequests(LianhuDbContext db, AuditTrail audit, TimeProvider time, RoutingPolicy policy, CaseRouting routing, InboxPublisher inbox, Notifications.WebhookOutbox outbox)
{
    public async Task<TaskDto> CreateAsync(
        CurrentUser user, Guid caseId, CaseTaskKind kind, (Guid Id, AgencyType Type, Tier Tier) to, RoutingText reason, string requestText, string action, CancellationToken ct, int? hours = null, bool save = true)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var clock = routing.StartClock(caseId, id, hours ?? policy.ReassignDueHours, to.Id, user.UserId, now);
        var task = CaseTask.Request(id, caseId, kind, to.Id, to.Type, to.Tier, user.AgencyId, reason, requestText, clock.DueAt, user.UserId, now);
        task.AttachClock(clock.Id);
        db.CaseTasks.Add(task);
        audit.Record(user.AsActor(), action, "task", id.ToString(), section: "case:" + caseId.ToString("N"));
        if (save)
        {
            await outbox.StageAsync([InboxSignal.ForAgency(to.Id, "task.new", id, caseId)], ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync([InboxSignal.ForAgency(to.Id, "task.new", id, caseId)], ct);
        }

        return task.ToDto(now);
    }
}
