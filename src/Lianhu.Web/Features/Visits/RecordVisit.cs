using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Visits;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// <c>POST /api/v1/cases/{id}/visits</c>: records a return visit (phone, message or home visit) and its
/// outcome, by the lead or an agency holding a visit task (section <c>visits</c>). It completes the
/// recording agency's earliest open return-visit task (and the task's clock, if still in time); a
/// visit with no task of the agency open is recorded as an extra visit. Unreachable several times in
/// a row starts an escalation clock; a new incident starts a 24-hour reassessment clock.
/// </summary>
public static class RecordVisit
{
    public sealed record Request(string? Method, string? Outcome, DateTimeOffset? At, string? Note);

    public sealed record VisitDto(Guid Id, string Method, string Outcome, DateTimeOffset VisitedAt, Guid ByAgencyId, string? ByAgencyName, string? Note, Guid? PlannedClockId, Guid? TaskId);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/visits", async Task<Results<Created<VisitDto>, NotFound, ValidationProblem, ProblemHttpResult>> (Guid id, Request request, Handler h, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (dto, errors, notFound) = await h.HandleAsync(id, request, text, ct);
                return notFound ? TypedResults.NotFound()
                    : errors is not null ? errors.ToProblem()
                    : dto is null ? Problems.Forbidden(text, "visit.no-write")
                    : TypedResults.Created($"/api/v1/cases/{id}/visits", dto);
            }).OnCase(CaseSteps.RecordVisit)
            .WithName("RecordVisit").WithTags("Visits").WithSummary("Record a return visit and its outcome");
        api.MapGet("/cases/{id:guid}/visits", async Task<Results<Ok<List<VisitDto>>, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
                await h.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).OnCase(CaseSteps.ReadVisits)
            .WithName("ListVisits").WithTags("Visits").WithSummary("A case's return visits, newest first");
    }

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, AuditTrail audit, TimeProvider time,
        ClockRuleCatalogue catalogue, ReturnVisitPolicy policy, IOptions<ClockEngineOptions> options, ReturnVisitTasks visitTasks, VisitPlanner planner)
    {
        /// <returns>The visit; or errors; or not found (out of scope, or no read access to visits); or neither = forbidden (may read, not record).</returns>
        public async Task<(VisitDto? Visit, FieldErrors? Errors, bool NotFound)> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Visits))
            {
                return (null, null, true);
            }

            if (!access.CanWrite(user, found, CaseSection.Visits))
            {
                return (null, null, false);
            }

            found.EnsureWritable();
            var errors = new FieldErrors(text).Required("method", request.Method).Required("outcome", request.Outcome).MaxLength("note", request.Note, Visit.NoteMaxLength);
            var method = default(VisitMethod);
            var outcome = default(VisitOutcome);
            if (!string.IsNullOrWhiteSpace(request.Method) && !StableName.TryParse(request.Method.Trim(), out method))
            {
                errors.Add("method", "unknown-value", string.Join(", ", StableName.All<VisitMethod>()));
            }

            if (!string.IsNullOrWhiteSpace(request.Outcome) && !StableName.TryParse(request.Outcome.Trim(), out outcome))
            {
                errors.Add("outcome", "unknown-value", string.Join(", ", StableName.All<VisitOutcome>()));
            }

            var now = time.GetUtcNow();
            var at = request.At ?? now;
            if (at > now.AddMinutes(5))
            {
                errors.Add("at", "visit.in-future");
            }

            if (errors.Any)
            {
                return (null, errors, false);
            }

            // The agency's earliest open visit task, even an overdue one (a late visit still closes it; the breach stands).
            var label = "visit " + StableName.Of(outcome);
            var task = (await db.CaseTasks.Where(t => t.CaseId == caseId && t.Kind == CaseTaskKind.ReturnVisit && t.AgencyId == user.AgencyId && TaskHolders.Open.Contains(t.Status))
                .OrderBy(t => t.DueAt).ToListAsync(ct)).FirstOrDefault(t => TaskHolders.MayHold(user, t));
            var plannedClockId = task?.ClockId;
            if (task is not null)
            {
                await visitTasks.CompleteAsync(task, user, label, now, ct);
                await planner.PlanNextAsync(task, user, now, ct);
            }
            else if (await LegacyPlannedClockAsync(caseId, user.AgencyId, now, ct) is { } planned)
            {
                planned.Complete(user.UserId, label, now);
                plannedClockId = planned.Id;
            }

            var visit = Visit.Record(Guid.CreateVersion7(now), caseId, method, outcome, at, user.UserId, user.AgencyId, request.Note, plannedClockId, now, task?.Id);
            db.Visits.Add(visit);

            if (outcome == VisitOutcome.NewIncident)
            {
                StartClock("reassessment-after-incident", caseId, visit.Id, user, now);
            }
            else if (outcome == VisitOutcome.Unreachable && await UnreachableStreakAsync(caseId, ct) + 1 >= policy.UnreachableEscalateAfter
                && !await db.Clocks.AnyAsync(c => c.CaseId == caseId && c.RuleId == "visit-unreachable-escalation" && (c.State == ClockState.Pending || c.State == ClockState.Reminded), ct))
            {
                StartClock("visit-unreachable-escalation", caseId, visit.Id, user, now);
            }

            audit.Record(user.AsActor(), AuditAction.VisitRecord, "case", caseId.ToString(), section: "visits");
            await db.SaveChangesAsync(ct);
            await visitTasks.PublishAsync(ct);
            return ((await ToDtosAsync([visit], ct))[0], null, false);
        }

        public async Task<List<VisitDto>?> ListAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Visits))
            {
                return null;
            }

            var rows = await db.Visits.AsNoTracking().Where(v => v.CaseId == caseId).OrderByDescending(v => v.VisitedAt).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.VisitRead, "case", caseId.ToString(), section: "visits");
            await db.SaveChangesAsync(ct);
            return await ToDtosAsync(rows, ct);
        }

        /// <summary>For the case page: the open visit tasks (soonest first) and whether the caller may record a visit; null without read access.</summary>
        public async Task<(List<TaskDto> Open, bool CanRecord)?> PlannedAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Visits))
            {
                return null;
            }

            var open = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && t.Kind == CaseTaskKind.ReturnVisit && TaskHolders.Open.Contains(t.Status))
                .OrderBy(t => t.DueAt).ToListAsync(ct);
            var ids = open.Select(t => t.AgencyId).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            var now = time.GetUtcNow();
            return ([.. open.Select(t => t.ToDto(now, names.GetValueOrDefault(t.AgencyId)))], access.CanWrite(user, found, CaseSection.Visits));
        }

        /// <summary>A planned visit from before visits were tasks: a running clock of the agency's own plan, still in time.</summary>
        private Task<Clock?> LegacyPlannedClockAsync(Guid caseId, Guid agencyId, DateTimeOffset now, CancellationToken ct) =>
            db.Clocks.Where(c => c.CaseId == caseId && c.RuleId == VisitPlanner.PlannedVisitRule && c.SubjectType == VisitPlanner.SubjectType && c.OwnerAgencyId == agencyId
                    && (c.State == ClockState.Pending || c.State == ClockState.Reminded) && c.DueAt > now
                    && !db.CaseTasks.Any(t => t.ClockId == c.Id))
                .OrderBy(c => c.DueAt).FirstOrDefaultAsync(ct);

        private async Task<int> UnreachableStreakAsync(Guid caseId, CancellationToken ct)
        {
            var recent = await db.Visits.AsNoTracking().Where(v => v.CaseId == caseId).OrderByDescending(v => v.VisitedAt)
                .Take(policy.UnreachableEscalateAfter).Select(v => v.Outcome).ToListAsync(ct);
            return recent.TakeWhile(o => o == VisitOutcome.Unreachable).Count();
        }

        private void StartClock(string ruleId, Guid caseId, Guid visitId, CurrentUser user, DateTimeOffset now)
        {
            var rule = catalogue.Get(ruleId);
            var computation = catalogue.Compute(ruleId, now);
            db.Clocks.Add(Clock.Start(Guid.CreateVersion7(now), caseId, ClockSubject.Of("visit", visitId), computation,
                ClockReminderPolicy.ReminderAt(rule, computation, options.Value.ReminderFraction), user.AgencyId, user.UserId, now));
        }

        private async Task<List<VisitDto>> ToDtosAsync(List<Visit> rows, CancellationToken ct)
        {
            var ids = rows.Select(v => v.ByAgencyId).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            return [.. rows.Select(v => new VisitDto(v.Id, StableName.Of(v.Method), StableName.Of(v.Outcome), v.VisitedAt, v.ByAgencyId, names.GetValueOrDefault(v.ByAgencyId), v.Note, v.PlannedClockId, v.TaskId))];
        }
    }
}
