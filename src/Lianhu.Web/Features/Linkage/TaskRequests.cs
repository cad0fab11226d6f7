using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Linkage;

/// <summary>Who asks for a request task: a person (the acting user) or the system on an agency's behalf (a breached clock).</summary>
public sealed record Requester(Guid UserId, Guid AgencyId, AuditActor Actor)
{
    public static Requester Of(CurrentUser user) => new(user.UserId, user.AgencyId, user.AsActor());
}

/// <summary>Creates a request task (lead transfer, escalation) with its clock, audit event and push.</summary>
public sealed class TaskRequests(LianhuDbContext db, AuditTrail audit, TimeProvider time, RoutingPolicy policy, CaseRouting routing, InboxPublisher inbox, Notifications.WebhookOutbox outbox)
{
    public Task<TaskDto> CreateAsync(
        CurrentUser user, Guid caseId, CaseTaskKind kind, (Guid Id, AgencyType Type, Tier Tier) to, RoutingText reason, string requestText, string action, CancellationToken ct, int? hours = null, bool save = true) =>
        CreateAsync(Requester.Of(user), caseId, kind, to, reason, requestText, action, ct, hours, save);

    public async Task<TaskDto> CreateAsync(
        Requester by, Guid caseId, CaseTaskKind kind, (Guid Id, AgencyType Type, Tier Tier) to, RoutingText reason, string requestText, string action, CancellationToken ct, int? hours = null, bool save = true, Guid? id = null)
    {
        var now = time.GetUtcNow();
        var taskId = id ?? Guid.CreateVersion7(now);
        var clock = routing.StartClock(caseId, taskId, hours ?? policy.ReassignDueHours, to.Id, by.UserId, now);
        var task = CaseTask.Request(taskId, caseId, kind, to.Id, to.Type, to.Tier, by.AgencyId, reason, requestText, clock.DueAt, by.UserId, now);
        task.AttachClock(clock.Id);
        db.CaseTasks.Add(task);
        audit.Record(by.Actor, action, "task", taskId.ToString(), section: "case:" + caseId.ToString("N"));
        if (save)
        {
            await outbox.StageAsync([InboxSignal.ForAgency(to.Id, "task.new", taskId, caseId)], ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync([InboxSignal.ForAgency(to.Id, "task.new", taskId, caseId)], ct);
        }

        return task.ToDto(now);
    }
}
