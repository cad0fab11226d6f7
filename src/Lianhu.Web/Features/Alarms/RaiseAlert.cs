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
/// She pressed the button: one urgent alert on the case, sent live to the responding agencies' inboxes
/// (<c>alarm.raised</c>), with its acknowledgement time from the policy. A retry of the same press
/// (same press id), or another press while an unacknowledged alert of the last
/// <see cref="AlarmPolicy.SamePressSeconds"/> is open, joins that alert and pushes it again — never a
/// second alert. The alert, its responders, the timeline entry and the audit event are one save.
/// </summary>
public sealed class RaiseAlert(LianhuDbContext db, AlarmPolicy policy, AlarmResponders responders, CaseTimeline timeline, AuditTrail audit, InboxPublisher inbox, TimeProvider time)
{
    /// <summary>Her actions are audited without a person or an address: the link is all there is.</summary>
    public static readonly AuditActor Link = new(null, null, "alarm-link", null);

    public sealed record Raised(Guid AlertId, DateTimeOffset RaisedAt, bool Joined);

    public async Task<Raised> HandleAsync(AlarmEnrolment enrolment, string pressId, string? location, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var now = time.GetUtcNow();
        var since = now - policy.SamePress;
        var open = await db.Set<AlarmAlert>().AsNoTracking()
            .Where(a => a.EnrolmentId == enrolment.Id && (a.PressId == pressId || (a.State == AlarmAlertState.Raised && a.RaisedAt >= since)))
            .OrderByDescending(a => a.RaisedAt).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            await PushAsync(open.Id, open.CaseId, ct);
            return new Raised(open.Id, open.RaisedAt, true);
        }

        var division = await db.Cases.AsNoTracking().Where(c => c.Id == enrolment.CaseId).Select(c => c.DivisionCode).SingleAsync(ct);
        var alert = AlarmAlert.Raise(Guid.CreateVersion7(now), enrolment, pressId, location, now, policy.AcknowledgeWithin);
        db.Set<AlarmAlert>().Add(alert);
        var agencies = await responders.ForCaseAsync(enrolment.CaseId, division, ct);
        db.Set<AlarmResponder>().AddRange(agencies.Select(a => AlarmResponder.For(alert.Id, a)));
        timeline.Record(alert.CaseId, CaseEventKind.AlarmRaised, AlarmSections.Alarm, agencies.FirstOrDefault(enrolment.EnrolledByAgencyId), null, detail: alert.Id.ToString());
        audit.Record(Link, AuditAction.AlarmRaise, "alarm-alert", alert.Id.ToString(), section: AlarmSections.Alarm, caseId: alert.CaseId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex, "IX_alarm_alerts_EnrolmentId_PressId", "alarm_alerts.EnrolmentId, alarm_alerts.PressId"))
        {
            // The same press arrived twice at once: the first one's alert stands.
            db.ChangeTracker.Clear();
            var first = await db.Set<AlarmAlert>().AsNoTracking().SingleAsync(a => a.EnrolmentId == enrolment.Id && a.PressId == pressId, ct);
            return new Raised(first.Id, first.RaisedAt, true);
        }

        await inbox.PublishAsync([.. agencies.Select(a => InboxSignal.ForAgency(a, AlarmSignals.Raised, alert.Id, alert.CaseId))], ct);
        return new Raised(alert.Id, alert.RaisedAt, false);
    }

    private async Task PushAsync(Guid alertId, Guid caseId, CancellationToken ct)
    {
        var agencies = await db.Set<AlarmResponder>().AsNoTracking().Where(r => r.AlertId == alertId).Select(r => r.AgencyId).ToListAsync(ct);
        await inbox.PublishAsync([.. agencies.Select(a => InboxSignal.ForAgency(a, AlarmSignals.Raised, alertId, caseId))], ct);
    }
}

/// <summary>The kinds of live pushes about alerts (ids only).</summary>
public static class AlarmSignals
{
    public const string Raised = "alarm.raised";
    public const string Acknowledged = "alarm.acknowledged";
    public const string Escalated = "alarm.escalated";
    public const string Closed = "alarm.closed";
}

/// <summary>The timeline section of the alarm's entries.</summary>
public static class AlarmSections
{
    public const string Alarm = "alarm";
}
