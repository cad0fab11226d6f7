using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The acknowledgement clock of alerts: an alert nobody acknowledged by its time goes, once, to the
/// district linkage centre above the case's community — live to its inbox, on the timeline, audited.
/// Each escalation claims its row with a conditional update inside its own write transaction, so two
/// nodes never escalate the same alert twice. Time comes from <see cref="TimeProvider"/> (tests move it).
/// </summary>
public sealed class AlertEscalation(LianhuDbContext db, AlarmResponders responders, CaseTimeline timeline, AuditTrail audit, InboxPublisher inbox, TimeProvider time)
{
    /// <returns>How many alerts escalated.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var due = await db.Set<AlarmAlert>().AsNoTracking()
            .Where(a => a.State == AlarmAlertState.Raised && a.EscalatedAt == null && a.AcknowledgeBy <= now)
            .OrderBy(a => a.AcknowledgeBy).Take(100).Select(a => new { a.Id, a.CaseId }).ToListAsync(ct);
        var escalated = 0;
        foreach (var alert in due)
        {
            if (await EscalateAsync(alert.Id, alert.CaseId, now, ct))
            {
                escalated++;
            }
        }

        return escalated;
    }

    private async Task<bool> EscalateAsync(Guid alertId, Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.DivisionCode, c.LeadAgencyId }).SingleAsync(ct);
        var centre = await responders.DistrictCentreAsync(found.DivisionCode, ct);
        List<InboxSignal> signals;
        await using (var tx = await db.BeginWriteTransactionAsync(ct))
        {
            var claimed = await db.Set<AlarmAlert>()
                .Where(a => a.Id == alertId && a.State == AlarmAlertState.Raised && a.EscalatedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.EscalatedAt, now).SetProperty(a => a.EscalatedToAgencyId, centre), ct);
            if (claimed == 0)
            {
                return false; // acknowledged meanwhile, or another node escalated it
            }

            timeline.Record(caseId, CaseEventKind.AlarmEscalated, AlarmSections.Alarm, centre ?? found.LeadAgencyId, null, detail: alertId.ToString());
            audit.Record(AuditActor.System, AuditAction.AlarmEscalate, "alarm-alert", alertId.ToString(), reason: centre is null ? "no-centre" : "escalate-to " + centre, caseId: caseId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            var told = await db.Set<AlarmResponder>().AsNoTracking().Where(r => r.AlertId == alertId).Select(r => r.AgencyId).ToListAsync(ct);
            signals = [.. told.Append(found.LeadAgencyId).Concat(centre is { } c ? [c] : []).Distinct().Select(a => InboxSignal.ForAgency(a, AlarmSignals.Escalated, alertId, caseId))];
        }

        db.ChangeTracker.Clear();
        await inbox.PublishAsync(signals, ct);
        return true;
    }
}

/// <summary>Runs <see cref="AlertEscalation"/> every few seconds in a fresh scope (off where the clock scanner is off, e.g. tests that sweep by hand).</summary>
public sealed class AlertEscalationScanner(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AlertEscalationScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Lianhu:Clocks:Scanner", true) || !configuration.GetValue("Lianhu:Alarms:Scanner", true))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Lianhu:Alarms:ScanSeconds", 10.0)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalated = await scope.ServiceProvider.GetRequiredService<AlertEscalation>().RunOnceAsync(stoppingToken);
                if (escalated > 0)
                {
                    logger.LogInformation("Alarm scan: {Escalated} alerts escalated", escalated);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning("Alarm scan failed ({Error}); retried at the next tick", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
