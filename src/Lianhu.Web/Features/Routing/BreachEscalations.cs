using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Turns each clock breach that asks for escalation (<see cref="ClockBreach.EscalationRequested"/>)
/// into an escalation task for the linkage centre the clock engine recorded one tier above the
/// owner, with a reason naming the breached rule. Each breach is handled in its own transaction
/// whose first statement is the claim <c>UPDATE … SET EscalationRequested = false WHERE Id = @id AND
/// EscalationRequested</c>: on PostgreSQL a second node blocks on the row lock and then updates
/// nothing, on SQLite there is one writer; so the task exists exactly once (ADR 0017).
/// </summary>
public sealed class BreachEscalations(LianhuDbContext db, TaskRequests requests, ClockRuleCatalogue rules, TimeProvider time, AuditTrail audit, InboxPublisher inbox, Notifications.WebhookOutbox outbox, ILogger<BreachEscalations> logger)
{
    public const int BatchSize = 50;

    /// <summary>What one run did: tasks made, breaches handled without a task, breaches another node took.</summary>
    public sealed record Result(int Escalated, int Skipped, int Lost);

    public async Task<Result> RunOnceAsync(CancellationToken ct = default)
    {
        int escalated = 0, skipped = 0, lost = 0;
        for (var batch = 0; batch < 100; batch++)
        {
            var ids = await db.ClockBreaches.AsNoTracking().Where(b => b.EscalationRequested)
                .OrderBy(b => b.BreachedAt).Take(BatchSize).Select(b => b.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                switch (await EscalateAsync(id, ct))
                {
                    case true: escalated++; break;
                    case false: skipped++; break;
                    case null: lost++; break;
                }
            }

            if (ids.Count < BatchSize)
            {
                break;
            }
        }

        return new Result(escalated, skipped, lost);
    }

    /// <returns>True: a task was made; false: handled without one (no centre above, case closed); null: another node had it.</returns>
    private async Task<bool?> EscalateAsync(Guid breachId, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.BeginWriteTransactionAsync(ct);
            var breach = await db.ClockBreaches.AsNoTracking().SingleAsync(b => b.Id == breachId, ct);
            var caseOpen = await db.Cases.AnyAsync(c => c.Id == breach.CaseId && c.Status != CaseStatus.Closed, ct);
            var target = breach.EscalateToAgencyId is { } centre && centre != breach.OwnerAgencyId && caseOpen
                ? await db.Agencies.AsNoTracking().Where(a => a.Id == centre).Select(a => new { a.Id, a.Type, a.DivisionCode }).SingleOrDefaultAsync(ct)
                : null;
            var now = time.GetUtcNow();
            Guid? taskId = target is null ? null : Guid.CreateVersion7(now);
            var claimed = await db.ClockBreaches.Where(b => b.Id == breachId && b.EscalationRequested).ExecuteUpdateAsync(
                s => s.SetProperty(b => b.EscalationRequested, false).SetProperty(b => b.EscalatedAt, now).SetProperty(b => b.EscalationTaskId, taskId), ct);
            if (claimed == 0)
            {
                return null;
            }

            if (target is null)
            {
                audit.Record(AuditActor.System, AuditAction.ClockBreachHandled, "clock-breach", breachId.ToString(), section: "case:" + breach.CaseId.ToString("N"), reason: "no-centre-above");
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return false;
            }

            var tier = Domain.Organisation.DivisionCode.Parse(target.DivisionCode).Tier;
            var title = rules.TryGet(breach.RuleId, out var rule) ? rule.Description : new LocalizedText(breach.RuleId, breach.RuleId);
            var reason = new RoutingText(
                $"时限“{breach.RuleId}”（{title.ZhCn}）已超期，上报{EscalateCase.Handler.TierZh(tier)}联动中心督办",
                $"clock '{breach.RuleId}' breached ({title.En}); escalated to the {StableName.Of(tier)} linkage centre");
            var system = new Requester(Guid.Empty, breach.OwnerAgencyId, AuditActor.System);
            var signal = InboxSignal.ForAgency(target.Id, "task.new", taskId!.Value, breach.CaseId);
            await requests.CreateAsync(system, breach.CaseId, CaseTaskKind.Escalation, (target.Id, target.Type, tier), reason,
                $"clock {breach.RuleId} due {breach.DueAt:yyyy-MM-dd'T'HH:mm'Z'} breached", AuditAction.ClockBreachEscalate, ct, save: false, id: taskId);
            await outbox.StageAsync([signal], ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await inbox.PublishAsync([signal], ct);
            logger.LogInformation("Clock breach {BreachId} escalated as task {TaskId}", breachId, taskId);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
