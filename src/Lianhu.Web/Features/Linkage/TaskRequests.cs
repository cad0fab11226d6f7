using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

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
        var period = hours ?? policy.ReassignDueHours;
        // A non-statutory body (e.g. named in a conference decision) without consent gets the work held: no clock, no access.
        var held = await routing.MustHoldAsync(caseId, to.Id, to.Type, now, ct);
        var clock = held ? null : routing.StartClock(caseId, taskId, period, to.Id, by.UserId, now);
        var task = CaseTask.Request(taskId, caseId, kind, to.Id, to.Type, to.Tier, by.AgencyId, reason, requestText, clock?.DueAt ?? now.AddHours(period), by.UserId, now);
        if (clock is null)
        {
            task.Hold();
            audit.Record(by.Actor, "task.hold", "task", taskId.ToString(), section: "case:" + caseId.ToString("N"), reason: "consent-needed");
        }
        else
        {
            task.AttachClock(clock.Id);
            audit.Record(by.Actor, action, "task", taskId.ToString(), section: "case:" + caseId.ToString("N"));
        }

        db.CaseTasks.Add(task);
        if (save)
        {
            var signals = await SignalsAsync([task], ct);
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
        }

        return task.ToDto(now);
    }

    /// <summary>What to push for new request tasks: "new" to the receiving agency, or, for a held one, "held" to the case's lead (never the body it is held from).</summary>
    private async Task<IReadOnlyList<InboxSignal>> SignalsAsync(IReadOnlyCollection<CaseTask> tasks, CancellationToken ct)
    {
        var signals = new List<InboxSignal>();
        foreach (var task in tasks)
        {
            signals.Add(task.Status == CaseTaskStatus.Held
                ? InboxSignal.ForAgency(await db.Cases.AsNoTracking().Where(c => c.Id == task.CaseId).Select(c => c.LeadAgencyId).SingleAsync(ct), "task.held", task.Id, task.CaseId)
                : InboxSignal.ForAgency(task.AgencyId, "task.new", task.Id, task.CaseId));
        }

        return signals;
    }
}
