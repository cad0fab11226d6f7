using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
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
/// Case conferences on a case: list (<c>GET /cases/{id}/conferences</c>), call one on demand
/// (<c>POST /cases/{id}/conferences</c>, the lead or a supervising linkage centre; optional time and extra invited agencies), and record it
/// (<c>POST /conferences/{id}/record</c>, the convener): attendance, minutes and decisions, each
/// decision a task for its owner agency with a due time and a clock.
/// </summary>
public static class CaseConferences
{
    public sealed record Decision(Guid? AgencyId, int? DueHours, string? Text);

    public sealed record RecordRequest(IReadOnlyList<Guid>? Attended, string? Minutes, IReadOnlyList<Decision>? Decisions);

    /// <summary>An on-demand call: when (default <see cref="ConferenceScheduler.HoursAhead"/> hours from now) and whom to invite besides the case's agencies.</summary>
    public sealed record CallRequest(DateTimeOffset? ScheduledAt, IReadOnlyList<Guid>? Invited);

    public sealed record Outcome(ConferenceDto? Conference, IReadOnlyList<TaskDto> Tasks);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/cases/{id:guid}/conferences", async Task<Results<Ok<IReadOnlyList<ConferenceDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).OnCase(CaseSteps.ReadConferences)
            .WithName("ListCaseConferences").WithTags("Conferences").WithSummary("Case conferences on a case (404 outside your scope)");

        api.MapPost("/cases/{id:guid}/conferences", async Task<Results<Created<ConferenceDto>, NotFound, ProblemHttpResult>> (Guid id, CallRequest? request, Handler handler, IStringLocalizer<RecordRequest> text, CancellationToken ct) =>
            {
                var (conference, forbidden) = await handler.CallAsync(id, request, ct);
                return forbidden ? Forbidden(text) : conference is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/cases/{id}/conferences", conference);
            }).OnCase(CaseSteps.Conference)
            .WithName("CallCaseConference").WithTags("Conferences").WithSummary("Call a case conference on demand (lead or supervising centre)");

        api.MapPost("/conferences/{id:guid}/record", async Task<Results<Ok<Outcome>, NotFound, ProblemHttpResult>> (Guid id, RecordRequest request, Handler handler, IStringLocalizer<RecordRequest> text, CancellationToken ct) =>
            {
                var (outcome, forbidden) = await handler.RecordAsync(id, request, ct);
                return forbidden ? Forbidden(text) : outcome is null ? TypedResults.NotFound() : TypedResults.Ok(outcome);
            }).OnCase(CaseSteps.ConferenceStep)
            .WithName("RecordCaseConference").WithTags("Conferences").WithSummary("Record attendance, minutes and decisions (the convener); decisions become tasks");
    }

    private static ProblemHttpResult Forbidden(IStringLocalizer text) =>
        Problems.Forbidden(text, "conference.not-allowed");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, ConferenceScheduler scheduler, TaskClocks routing, TaskRequests requests, InboxPublisher inbox, Notifications.WebhookOutbox outbox, CaseTimeline timeline)
    {
        public async Task<IReadOnlyList<ConferenceDto>?> ListAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            if (!await db.Cases.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == caseId, ct))
            {
                return null;
            }

            var list = await db.CaseConferences.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.ScheduledAt).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.ConferenceList, "case", caseId.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            return [.. list.Select(c => ConferenceDto.From(c, c.InvitedAgencyIds.Contains(user.AgencyId)))];
        }

        public async Task<(ConferenceDto? Conference, bool Forbidden)> CallAsync(Guid caseId, CallRequest? request, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null)
            {
                return (null, false);
            }

            var relation = CaseAccess.RelationTo(user, found);
            if (!(user.Has(Role.Caseworker) || user.Has(Role.Supervisor)) || relation is not (CaseRelation.Lead or CaseRelation.Supervising))
            {
                return (null, true);
            }

            var newest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
                .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).Select(a => new { a.CommonLevel, a.Criteria }).FirstOrDefaultAsync(ct);
            var now = time.GetUtcNow();
            var directory = await routing.DirectoryAsync(found.DivisionCode, ct);
            var invited = request?.Invited ?? [];
            if (invited.Any(a => !directory.Any(d => d.Id == a)))
            {
                throw new DomainRuleViolationException("task.unknown-agency", "An invited agency is an active agency of the city.");
            }

            var conference = await scheduler.ScheduleAsync(found, ConferenceTrigger.OnDemand, newest?.CommonLevel, newest?.Criteria ?? [], [], directory, user,
                request?.ScheduledAt ?? now.AddHours(ConferenceScheduler.HoursAhead), now, ct, invited);
            List<InboxSignal> signals = [.. conference.InvitedAgencyIds.Select(a => InboxSignal.ForAgency(a, "conference.scheduled", conference.Id, caseId))];
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
            return (ConferenceDto.From(conference, true), false);
        }

        public async Task<(Outcome? Outcome, bool Forbidden)> RecordAsync(Guid conferenceId, RecordRequest request, CancellationToken ct)
        {
            var user = current.Required;
            var (conference, forbidden) = await ConferenceConvener.FindAsync(db, user, conferenceId, ct);
            if (conference is null)
            {
                return (null, forbidden);
            }

            var now = time.GetUtcNow();
            conference.RecordHeld(request.Attended ?? [], request.Minutes ?? string.Empty, now);
            var decisions = request.Decisions ?? [];
            var agencyIds = decisions.Select(d => d.AgencyId ?? Guid.Empty).Distinct().ToList();
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).ToDictionaryAsync(a => a.Id, ct);
            var tasks = new List<TaskDto>();
            foreach (var d in decisions)
            {
                if (d.AgencyId is not { } id || !agencies.TryGetValue(id, out var agency))
                {
                    throw new DomainRuleViolationException("task.unknown-agency", "A decision names an active agency.");
                }

                if (d.DueHours is not { } hours || hours < 1 || hours > RoutingPolicy.MaxDueHours)
                {
                    throw new DomainRuleViolationException("conference.due-hours", "A decision is due within 1 to 2160 hours.");
                }

                tasks.Add(await requests.CreateAsync(user, conference.CaseId, CaseTaskKind.ConferenceDecision, (agency.Id, agency.Type, agency.Tier),
                    new RoutingText("个案会商决定", "case conference decision"), d.Text ?? string.Empty, AuditAction.TaskCreate, ct, hours, save: false));
            }

            audit.Record(user.AsActor(), AuditAction.ConferenceRecord, "conference", conference.Id.ToString(), section: "case:" + conference.CaseId.ToString("N"));
            timeline.Record(conference.CaseId, Domain.Cases.CaseEventKind.ConferenceHeld, CaseSections.Linkage, user.AgencyId, user.UserId, detail: conference.Id.ToString());
            // A decision for a non-statutory body without consent is held: the lead hears of it, not the body.
            var held = StableName.Of(CaseTaskStatus.Held);
            var lead = tasks.Any(t => t.Status == held) ? await routing.LeadOfAsync(conference.CaseId, ct) : Guid.Empty;
            List<InboxSignal> signals = [.. tasks.Select(t => InboxSignal.ForNewTask(t.AgencyId, t.Status == held, lead, t.Id, t.CaseId))];
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
            return (new Outcome(ConferenceDto.From(conference, true), tasks), false);
        }
    }
}
