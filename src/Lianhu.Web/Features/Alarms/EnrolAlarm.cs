using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// <c>POST /api/v1/cases/{id}/alarm/enrolment</c>: a caseworker or supervisor of the lead agency enrols
/// the victim of a medium- or high-risk case in the one-key alarm (409 <c>alarm.risk-too-low</c>
/// otherwise; 403 <c>step.lead-only</c> for anyone but the lead). The answer carries the link once —
/// only its keyed hash is kept. An enrolment still active is revoked by the new one: a lost phone or a
/// forgotten PIN is answered by a new link.
/// </summary>
public static class EnrolAlarm
{
    public sealed record EnrolmentDto(Guid EnrolmentId, string Path, string Url, DateTimeOffset EnrolledAt, Guid? Replaced);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/alarm/enrolment", async (Guid id, HttpRequest http, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, BaseUrl(http), ct)).ToHttp(text, e => $"/api/v1/cases/{id}/alarms"))
            .OnCase(CaseSteps.AlarmEnrolment)
            .Produces<EnrolmentDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("EnrolAlarm").WithTags("Alarms").WithSummary("Enrol the victim of a medium- or high-risk case in the one-key alarm; the link is in this answer only");

    public static string BaseUrl(HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return $"{http.Scheme}://{http.Host}{http.PathBase}";
    }

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AlarmSecrets secrets, CaseTimeline timeline, AuditTrail audit, TimeProvider time)
    {
        public async Task<StepResult<EnrolmentDto>> HandleAsync(Guid caseId, string baseUrl, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.AlarmEnrolment, ct);
            if (entered.Value is not { } inside)
            {
                return StepResult<EnrolmentDto>.From(entered);
            }

            var user = inside.User;
            var now = time.GetUtcNow();
            var level = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
                .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).Select(a => a.CommonLevel).FirstOrDefaultAsync(ct);
            if (!AlarmEnrolment.MayEnrol(level))
            {
                return StepResult<EnrolmentDto>.From(StepResult.Conflict("alarm.risk-too-low"));
            }

            var token = AlarmSecrets.NewToken();
            var enrolment = AlarmEnrolment.Enrol(Guid.CreateVersion7(now), caseId, level, secrets.HashOf(token)!, user.AgencyId, user.UserId, now);
            Guid? replaced = null;
            foreach (var active in await db.Set<AlarmEnrolment>().Where(e => e.CaseId == caseId && e.RevokedAt == null).ToListAsync(ct))
            {
                active.Revoke(user.UserId, now);
                replaced = active.Id;
                timeline.Record(caseId, CaseEventKind.AlarmRevoked, AlarmSections.Alarm, user.AgencyId, user.UserId, detail: active.Id.ToString());
                audit.Record(user.AsActor(), AuditAction.AlarmRevoke, "alarm-enrolment", active.Id.ToString(), reason: "replaced", caseId: caseId);
            }

            db.Set<AlarmEnrolment>().Add(enrolment);
            timeline.Record(caseId, CaseEventKind.AlarmEnrolled, AlarmSections.Alarm, user.AgencyId, user.UserId, detail: enrolment.Id.ToString());
            audit.Record(user.AsActor(), AuditAction.AlarmEnrol, "alarm-enrolment", enrolment.Id.ToString(), caseId: caseId);
            await db.SaveChangesAsync(ct);
            var path = AlarmPage.PathOf(token);
            return StepResult<EnrolmentDto>.Created(new EnrolmentDto(enrolment.Id, path, baseUrl + path, now, replaced));
        }
    }
}
