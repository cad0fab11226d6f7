using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// <c>POST /api/v1/cases/{id}/alarms/{alertId}/acknowledge</c> and <c>…/outcome</c>: an agency the alert
/// was sent to (or the centre it escalated to) acknowledges it — which stops its escalation — and then
/// records how it ended: attended, false alarm, cancelled by her, or other with a note. Anyone else in
/// the case's scope gets 403 <c>alarm.not-responder</c>; out of scope 404; an outcome before the
/// acknowledgement, or a second acknowledgement, 409.
/// </summary>
public static class RespondToAlert
{
    public sealed record OutcomeRequest(string? Outcome, string? Note);

    public sealed record Answered(Guid AlertId, string State, DateTimeOffset At);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/alarms/{alertId:guid}/acknowledge", async (Guid id, Guid alertId, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                (await handler.AcknowledgeAsync(id, alertId, ct)).ToHttp(text))
            .OnCase(CaseSteps.AlarmResponse)
            .Produces<Answered>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcknowledgeAlert").WithTags("Alarms").WithSummary("Acknowledge a one-key alarm alert (the agencies it was sent to, or the centre it escalated to)");
        api.MapPost("/cases/{id:guid}/alarms/{alertId:guid}/outcome", async (Guid id, Guid alertId, OutcomeRequest request, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                (await handler.RecordOutcomeAsync(id, alertId, request, text, ct)).ToHttp(text))
            .OnCase(CaseSteps.AlarmResponse)
            .Produces<Answered>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordAlertOutcome").WithTags("Alarms").WithSummary("Record how an acknowledged alert ended: attended, false-alarm, cancelled-by-her, other (with a note)");
    }

    public sealed class Handler(LianhuDbContext db, CaseGate gate, CaseTimeline timeline, AuditTrail audit, InboxPublisher inbox, TimeProvider time)
    {
        public async Task<StepResult<Answered>> AcknowledgeAsync(Guid caseId, Guid alertId, CancellationToken ct)
        {
            var (result, inside, alert, responders) = await EnterAsync(caseId, alertId, ct);
            if (result is not null)
            {
                return result;
            }

            var user = inside!.User;
            var now = time.GetUtcNow();
            if (alert!.State != AlarmAlertState.Raised)
            {
                return StepResult<Answered>.From(StepResult.Conflict("alarm.already-acknowledged"));
            }

            alert.Acknowledge(user.AgencyId, user.UserId, now);
            timeline.Record(caseId, CaseEventKind.AlarmAcknowledged, AlarmSections.Alarm, user.AgencyId, user.UserId, detail: alert.Id.ToString());
            audit.Record(user.AsActor(), AuditAction.AlarmAcknowledge, "alarm-alert", alert.Id.ToString(), caseId: caseId);
            await db.SaveChangesAsync(ct);
            await PushAsync(alert, responders!, AlarmSignals.Acknowledged, ct);
            return StepResult<Answered>.Ok(new Answered(alert.Id, StableName.Of(alert.State), now));
        }

        public async Task<StepResult<Answered>> RecordOutcomeAsync(Guid caseId, Guid alertId, OutcomeRequest request, IStringLocalizer text, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(request);
            var (result, inside, alert, responders) = await EnterAsync(caseId, alertId, ct);
            if (result is not null)
            {
                return result;
            }

            var errors = new FieldErrors(text).Required("outcome", request.Outcome).MaxLength("note", request.Note, AlarmAlert.NoteMaxLength);
            var outcome = default(AlarmOutcome);
            if (!string.IsNullOrWhiteSpace(request.Outcome) && !StableName.TryParse(request.Outcome.Trim(), out outcome))
            {
                errors.Add("outcome", "unknown-value", string.Join(", ", StableName.All<AlarmOutcome>()));
            }

            if (!errors.Any && outcome == AlarmOutcome.Other && string.IsNullOrWhiteSpace(request.Note))
            {
                errors.Add("note", "alarm.note-required");
            }

            if (errors.Any)
            {
                return StepResult<Answered>.From(StepResult.Invalid(errors));
            }

            var user = inside!.User;
            var now = time.GetUtcNow();
            if (alert!.State != AlarmAlertState.Acknowledged)
            {
                return StepResult<Answered>.From(StepResult.Conflict(alert.State == AlarmAlertState.Raised ? "alarm.not-acknowledged" : "alarm.already-closed"));
            }

            alert.Close(outcome, request.Note, user.AgencyId, user.UserId, now);
            timeline.Record(caseId, CaseEventKind.AlarmClosed, AlarmSections.Alarm, user.AgencyId, user.UserId, note: alert.OutcomeNote, detail: $"{alert.Id} {StableName.Of(outcome)}");
            audit.Record(user.AsActor(), AuditAction.AlarmOutcome, "alarm-alert", alert.Id.ToString(), reason: StableName.Of(outcome), caseId: caseId);
            await db.SaveChangesAsync(ct);
            await PushAsync(alert, responders!, AlarmSignals.Closed, ct);
            return StepResult<Answered>.Ok(new Answered(alert.Id, StableName.Of(alert.State), now));
        }

        /// <summary>The gate, then the alert on this case (404 when it is another case's), then the responder's standing (403).</summary>
        private async Task<(StepResult<Answered>? Refused, CaseContext? Inside, AlarmAlert? Alert, List<Guid>? Responders)> EnterAsync(Guid caseId, Guid alertId, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.AlarmResponse, ct);
            if (entered.Value is not { } inside)
            {
                return (StepResult<Answered>.From(entered), null, null, null);
            }

            var alert = await db.Set<AlarmAlert>().SingleOrDefaultAsync(a => a.Id == alertId && a.CaseId == caseId, ct);
            if (alert is null)
            {
                return (StepResult<Answered>.From(StepResult.NotFound), null, null, null);
            }

            var responders = await db.Set<AlarmResponder>().AsNoTracking().Where(r => r.AlertId == alertId).Select(r => r.AgencyId).ToListAsync(ct);
            return GetCaseAlarms.MayRespond(inside.User.AgencyId, alert, responders)
                ? (null, inside, alert, responders)
                : (StepResult<Answered>.From(StepResult.Forbidden("alarm.not-responder")), null, null, null);
        }

        /// <summary>Every agency the alert went to, the centre it escalated to and the lead see it change.</summary>
        private async Task PushAsync(AlarmAlert alert, List<Guid> responders, string kind, CancellationToken ct)
        {
            var lead = await db.Cases.AsNoTracking().Where(c => c.Id == alert.CaseId).Select(c => c.LeadAgencyId).SingleAsync(ct);
            var to = responders.Append(lead).Concat(alert.EscalatedToAgencyId is { } centre ? [centre] : []).Distinct();
            await inbox.PublishAsync([.. to.Select(a => InboxSignal.ForAgency(a, kind, alert.Id, alert.CaseId))], ct);
        }
    }
}
