using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// <c>GET /api/v1/cases/{id}/alarms</c>: the case's one-key alarm — whether she is enrolled (never the
/// link), and its alerts, newest first, with their acknowledgement times, escalation and outcome. Her
/// location is shown only to the agencies the alert went to (and the centre it escalated to).
/// </summary>
public static class GetCaseAlarms
{
    public sealed record EnrolmentDto(Guid Id, DateTimeOffset EnrolledAt, bool PinSet, bool Locked, Guid EnrolledByAgencyId, string? EnrolledBy);

    public sealed record AlertDto(
        Guid Id, DateTimeOffset RaisedAt, string State, DateTimeOffset AcknowledgeBy, bool Overdue, DateTimeOffset? EscalatedAt, string? EscalatedTo,
        DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? Outcome, string? OutcomeNote, DateTimeOffset? ClosedAt, string? ClosedBy,
        IReadOnlyList<string> Responders, bool MayRespond, string? Location);

    public sealed record CaseAlarmsDto(EnrolmentDto? Enrolment, bool MayManage, bool MayEnrolByRisk, IReadOnlyList<AlertDto> Alerts);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/alarms", async (Guid id, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(text))
            .OnCase(CaseSteps.ReadAlarms)
            .Produces<CaseAlarmsDto>()
            .WithName("GetCaseAlarms").WithTags("Alarms").WithSummary("The case's one-key alarm: enrolment and alerts (the location only for responding agencies)");

    /// <summary>May this agency answer the alert: one it was sent to, or the centre it escalated to.</summary>
    public static bool MayRespond(Guid agencyId, AlarmAlert alert, IEnumerable<Guid> responders)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return responders.Contains(agencyId) || alert.EscalatedToAgencyId == agencyId;
    }

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time)
    {
        public async Task<StepResult<CaseAlarmsDto>> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.ReadAlarms, ct);
            if (entered.Value is not { } inside)
            {
                return StepResult<CaseAlarmsDto>.From(entered);
            }

            var user = inside.User;
            var now = time.GetUtcNow();
            var enrolment = await db.Set<AlarmEnrolment>().AsNoTracking().Where(e => e.CaseId == caseId && e.RevokedAt == null).OrderByDescending(e => e.EnrolledAt).FirstOrDefaultAsync(ct);
            var alerts = await db.Set<AlarmAlert>().AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.RaisedAt).Take(50).ToListAsync(ct);
            var ids = alerts.Select(a => a.Id).ToList();
            var responders = (await db.Set<AlarmResponder>().AsNoTracking().Where(r => ids.Contains(r.AlertId)).ToListAsync(ct))
                .ToLookup(r => r.AlertId, r => r.AgencyId);
            var agencyIds = responders.SelectMany(g => g).Concat(alerts.SelectMany(a => new[] { a.EscalatedToAgencyId, a.AcknowledgedByAgencyId, a.ClosedByAgencyId }).OfType<Guid>())
                .Append(enrolment?.EnrolledByAgencyId ?? Guid.Empty).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            string? Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g) : null;

            var level = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
                .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).Select(a => a.CommonLevel).FirstOrDefaultAsync(ct);
            var dtos = alerts.Select(a =>
            {
                var mayRespond = MayRespond(user.AgencyId, a, responders[a.Id]);
                return new AlertDto(
                    a.Id, a.RaisedAt, StableName.Of(a.State), a.AcknowledgeBy, a.State == AlarmAlertState.Raised && now >= a.AcknowledgeBy, a.EscalatedAt, Name(a.EscalatedToAgencyId),
                    a.AcknowledgedAt, Name(a.AcknowledgedByAgencyId), a.Outcome is { } o ? StableName.Of(o) : null, a.OutcomeNote, a.ClosedAt, Name(a.ClosedByAgencyId),
                    [.. responders[a.Id].Select(r => names.GetValueOrDefault(r) ?? r.ToString())], mayRespond && inside.Relation != CaseRelation.BreakGlass, mayRespond ? a.Location : null);
            }).ToList();
            var mayManage = CaseGate.Holds(StepStanding.LeadHandler, user, inside.Relation);
            audit.Record(user.AsActor(), AuditAction.AlarmRead, "case", caseId.ToString(), section: AlarmSections.Alarm, caseId: caseId);
            await db.SaveChangesAsync(ct);
            var enrolmentDto = enrolment is null ? null
                : new EnrolmentDto(enrolment.Id, enrolment.EnrolledAt, enrolment.HasPin, enrolment.IsLocked(now), enrolment.EnrolledByAgencyId, Name(enrolment.EnrolledByAgencyId));
            return StepResult<CaseAlarmsDto>.Ok(new CaseAlarmsDto(enrolmentDto, mayManage, AlarmEnrolment.MayEnrol(level), dtos));
        }
    }
}
