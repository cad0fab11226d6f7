using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Conferences;

/// <summary>
/// The convener calls a scheduled case conference off with a reason (the risk fell, the case moved,
/// the meeting is folded into another). The invited agencies are told in their inbox (ids only) and
/// read the reason on the case; the timeline records it. 404 outside scope, 403 for anyone but the
/// convener's staff, 400 without a reason, 409 once held or cancelled.
/// </summary>
public static class CancelConference
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/conferences/{id:guid}/cancel", async Task<Results<Ok<ConferenceDto>, NotFound, ProblemHttpResult, ValidationProblem>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var errors = new FieldErrors(text).Required("reason", request.Reason).MaxLength("reason", request.Reason?.Trim(), CaseConference.ReasonMaxLength);
                if (errors.Any)
                {
                    return errors.ToProblem();
                }

                var (conference, forbidden) = await handler.HandleAsync(id, request.Reason, ct);
                return forbidden ? Problems.Forbidden(text, "conference.not-allowed") : conference is null ? TypedResults.NotFound() : TypedResults.Ok(conference);
            }).OnCase(CaseSteps.ConferenceStep)
            .WithName("CancelCaseConference").WithTags("Conferences").WithSummary("Call a scheduled case conference off, with a reason (the convener)");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, InboxPublisher inbox, Notifications.WebhookOutbox outbox, CaseTimeline timeline)
    {
        public async Task<(ConferenceDto? Conference, bool Forbidden)> HandleAsync(Guid conferenceId, string? reason, CancellationToken ct)
        {
            var user = current.Required;
            var (conference, forbidden) = await ConferenceConvener.FindAsync(db, user, conferenceId, ct);
            if (conference is null)
            {
                return (null, forbidden);
            }

            conference.Cancel(reason ?? string.Empty, user.UserId, time.GetUtcNow());
            audit.Record(user.AsActor(), AuditAction.ConferenceCancel, "conference", conference.Id.ToString(), section: "case:" + conference.CaseId.ToString("N"));
            timeline.Record(conference.CaseId, CaseEventKind.ConferenceCancelled, CaseSections.Linkage, user.AgencyId, user.UserId, detail: conference.Id.ToString());
            List<InboxSignal> signals = [.. conference.InvitedAgencyIds.Where(a => a != user.AgencyId)
                .Select(a => InboxSignal.ForAgency(a, "conference.cancelled", conference.Id, conference.CaseId))];
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
            return (ConferenceDto.From(conference, showMinutes: true), false);
        }
    }
}
