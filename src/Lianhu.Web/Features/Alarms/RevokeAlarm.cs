using Lianhu.Domain.Access;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// <c>DELETE /api/v1/cases/{id}/alarm/enrolment</c>: the lead revokes the case's active enrolment at once
/// (lost phone); its link answers the neutral page from the next request. 409 <c>alarm.not-enrolled</c>
/// when there is none.
/// </summary>
public static class RevokeAlarm
{
    public sealed record Revoked(Guid EnrolmentId, DateTimeOffset RevokedAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapDelete("/cases/{id:guid}/alarm/enrolment", async (Guid id, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(text))
            .OnCase(CaseSteps.AlarmEnrolment)
            .Produces<Revoked>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RevokeAlarm").WithTags("Alarms").WithSummary("Revoke the case's one-key alarm enrolment at once (lost phone)");

    public sealed class Handler(LianhuDbContext db, CaseGate gate, CaseTimeline timeline, AuditTrail audit, TimeProvider time)
    {
        public async Task<StepResult<Revoked>> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.AlarmEnrolment, ct);
            if (entered.Value is not { } inside)
            {
                return StepResult<Revoked>.From(entered);
            }

            var active = await db.Set<AlarmEnrolment>().Where(e => e.CaseId == caseId && e.RevokedAt == null).ToListAsync(ct);
            if (active.Count == 0)
            {
                return StepResult<Revoked>.From(StepResult.Conflict("alarm.not-enrolled"));
            }

            var user = inside.User;
            var now = time.GetUtcNow();
            foreach (var enrolment in active)
            {
                enrolment.Revoke(user.UserId, now);
                timeline.Record(caseId, CaseEventKind.AlarmRevoked, AlarmSections.Alarm, user.AgencyId, user.UserId, detail: enrolment.Id.ToString());
                audit.Record(user.AsActor(), AuditAction.AlarmRevoke, "alarm-enrolment", enrolment.Id.ToString(), caseId: caseId);
            }

            await db.SaveChangesAsync(ct);
            return StepResult<Revoked>.Ok(new Revoked(active[^1].Id, now));
        }
    }
}
