using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Visits;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// <c>POST /api/v1/cases/{id}/visits</c>: records a return visit (phone, message or home visit) and its
/// outcome; it fulfils the earliest open planned visit. Unreachable several times in a row starts an
/// escalation clock; a new incident starts a 24-hour reassessment clock.
/// </summary>
public static class RecordVisit
{
    public sealed record Request(string? Method, string? Outcome, DateTimeOffset? At, string? Note);

    public sealed record VisitDto(Guid Id, string Method, string Outcome, DateTimeOffset VisitedAt, Guid ByAgencyId, string? ByAgencyName, string? Note, Guid? PlannedClockId);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/visits", async Task<Results<Created<VisitDto>, NotFound, ValidationProblem>> (Guid id, Request request, Handler h, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (dto, errors, notFound) = await h.HandleAsync(id, request, text, ct);
                return notFound ? TypedResults.NotFound() : errors is not null ? errors.ToProblem() : TypedResults.Created($"/api/v1/cases/{id}/visits", dto!);
            })
            .WithName("RecordVisit").WithTags("Visits").WithSummary("Record a return visit and its outcome");
        api.MapGet("/cases/{id:guid}/visits", async Task<Results<Ok<List<VisitDto>>, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
                await h.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("ListVisits").WithTags("Visits").WithSummary("A case's return visits, newest first");
    }

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, AuditTrail audit, TimeProvider time,
        ClockRuleCatalogue catalogue, ReturnVisitPolicy policy, IOptions<ClockEngineOptions> options)
    {
        public async Task<(VisitDto? Visit, FieldErrors? Errors, bool NotFound)> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanWrite(user, found, CaseSection.Contact))
            {
                return (null, null, true);
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

            // The earliest planned visit still in time; missed (overdue) ones are breaches the scanner records.
            var planned = await db.Clocks.Where(c => c.CaseId == caseId && c.RuleId == VisitPlanner.PlannedVisitRule && (c.State == ClockState.Pending || c.State == ClockState.Reminded) && c.DueAt > now)
                .OrderBy(c => c.DueAt).FirstOrDefaultAsync(ct);
            planned?.Complete(user.UserId, "visit " + StableName.Of(outcome), now);
            var visit = Visit.Record(Guid.CreateVersion7(now), caseId, method, outcome, at, user.UserId, user.AgencyId, request.Note, planned?.Id, now);
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

            audit.Record(user.AsActor(), "visit.record", "case", caseId.ToString(), section: "contact");
            await db.SaveChangesAsync(ct);
            return ((await ToDtosAsync([visit], ct))[0], null, false);
        }

        public async Task<List<VisitDto>?> ListAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Contact))
            {
                return null;
            }

            var rows = await db.Visits.AsNoTracking().Where(v => v.CaseId == caseId).OrderByDescending(v => v.VisitedAt).ToListAsync(ct);
            audit.Record(user.AsActor(), "visit.read", "case", caseId.ToString(), section: "contact");
            await db.SaveChangesAsync(ct);
            return await ToDtosAsync(rows, ct);
        }

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
            return [.. rows.Select(v => new VisitDto(v.Id, StableName.Of(v.Method), StableName.Of(v.Outcome), v.VisitedAt, v.ByAgencyId, names.GetValueOrDefault(v.ByAgencyId), v.Note, v.PlannedClockId))];
        }
    }
}
