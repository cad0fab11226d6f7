using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Archive;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Closure;

/// <summary>
/// Closing the loop: the lead puts a case forward for closure with a summary once nothing blocks it
/// (<see cref="IClosureCondition"/>); a supervisor of the supervising linkage centre approves (two
/// distinct approvers for a high-risk case) or sends it back; a closed case is read-only until
/// reopened with a reason, and keeps its whole history.
/// <c>POST /api/v1/cases/{id}/close</c>, <c>/approve-closure</c>, <c>/reject-closure</c>, <c>/reopen</c>.
/// </summary>
public static class CaseClosure
{
    /// <param name="Outcome">The closure outcome category (<see cref="ClosureOutcome"/> stable name), fed back to referring and task-holding agencies.</param>
    public sealed record CloseRequest(string? Summary, string? Outcome = null);

    public sealed record ReasonRequest(string? Reason);

    public sealed record ClosureState(Guid CaseId, string Status, int ApprovalsRequired, int Approvals, DateTimeOffset? ClosedAt, int ReopenCount);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/close", async Task<Results<Ok<ClosureState>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, CloseRequest request, Handler h, IStringLocalizer<CloseRequest> text, CancellationToken ct) =>
                Result(await h.RequestAsync(id, request.Summary, text, ct, request.Outcome), text)).OnCase(CaseSteps.Closure)
            .WithName("RequestClosure").WithTags("Closure").WithSummary("Put a case forward for closure (409 while work is open)");
        api.MapPost("/cases/{id:guid}/approve-closure", async Task<Results<Ok<ClosureState>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Handler h, IStringLocalizer<CloseRequest> text, CancellationToken ct) =>
                Result(await h.ApproveAsync(id, ct), text)).OnCase(CaseSteps.Closure)
            .WithName("ApproveClosure").WithTags("Closure").WithSummary("Approve a pending closure (supervising centre supervisors)");
        api.MapPost("/cases/{id:guid}/reject-closure", async Task<Results<Ok<ClosureState>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, ReasonRequest request, Handler h, IStringLocalizer<CloseRequest> text, CancellationToken ct) =>
                Result(await h.RejectAsync(id, request.Reason, text, ct), text)).OnCase(CaseSteps.Closure)
            .WithName("RejectClosure").WithTags("Closure").WithSummary("Send a pending closure back to the lead");
        api.MapPost("/cases/{id:guid}/reopen", async Task<Results<Ok<ClosureState>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, ReasonRequest request, Handler h, IStringLocalizer<CloseRequest> text, CancellationToken ct) =>
                Result(await h.ReopenAsync(id, request.Reason, text, ct), text)).OnCase(CaseSteps.Closure)
            .WithName("ReopenCase").WithTags("Closure").WithSummary("Reopen a closed case with a reason; its history stays");
    }

    /// <summary>The lead, or the supervising centre, reopens a closed case (caseworkers and supervisors).</summary>
    public static bool MayReopen(CurrentUser user, Case c) =>
        CaseAccess.RelationTo(user, c) is CaseRelation.Lead or CaseRelation.Supervising && (user.Has(Role.Caseworker) || user.Has(Role.Supervisor));

    /// <summary>Who approves or sends back a closure: a supervisor of the supervising linkage centre.</summary>
    public static bool IsApprover(CurrentUser user, Case c) =>
        user.AgencyType == AgencyType.LinkageCentre && user.Has(Role.Supervisor) && CaseAccess.RelationTo(user, c) == CaseRelation.Supervising;

    public sealed record Outcome(ClosureState? State = null, FieldErrors? Errors = null, bool NotFound = false, bool Forbidden = false, IReadOnlyList<string>? Blockers = null);

    private static Results<Ok<ClosureState>, NotFound, ValidationProblem, ProblemHttpResult> Result(Outcome o, IStringLocalizer text)
    {
        if (o.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (o.Forbidden)
        {
            return Problems.Forbidden(text, "closure.not-allowed");
        }

        if (o.Blockers is { Count: > 0 } blockers)
        {
            var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = text["error.closure.blocked"].Value, Detail = string.Join(" ", blockers) };
            problem.Extensions["code"] = "case.closure-blocked";
            problem.Extensions["blockers"] = blockers;
            return TypedResults.Problem(problem);
        }

        return o.Errors is { } errors ? errors.ToProblem() : TypedResults.Ok(o.State!);
    }

    public sealed class Handler(
        LianhuDbContext db,
        CurrentUserAccessor current,
        CaseAccess access,
        AuditTrail audit,
        TimeProvider time,
        IEnumerable<IClosureCondition> conditions,
        IStringLocalizer<CloseRequest> text,
        CaseTimeline timeline,
        Steps.CaseEvents events)
    {
        public async Task<Outcome> RequestAsync(Guid id, string? summary, IStringLocalizer localizer, CancellationToken ct, string? outcome = null)
        {
            var (user, found) = await LoadAsync(id, ct);
            if (found is null)
            {
                return new Outcome(NotFound: true);
            }

            if (CaseAccess.RelationTo(user, found) != CaseRelation.Lead || !access.CanWrite(user, found, CaseSection.Incident))
            {
                return new Outcome(Forbidden: true);
            }

            var errors = new FieldErrors(localizer).Required("summary", summary).MaxLength("summary", summary?.Trim(), Case.SummaryMaxLength);
            ClosureOutcome? category = null;
            if (!string.IsNullOrWhiteSpace(outcome))
            {
                if (StableName.TryParse<ClosureOutcome>(outcome.Trim(), out var parsed))
                {
                    category = parsed;
                }
                else
                {
                    errors.Add("outcome", "unknown-value", string.Join(", ", StableName.All<ClosureOutcome>()));
                }
            }

            if (errors.Any)
            {
                return new Outcome(Errors: errors);
            }

            var blockers = new List<string>();
            foreach (var condition in conditions)
            {
                blockers.AddRange((await condition.BlockersAsync(found, ct)).Select(b => text[$"closure.blocker.{b.Code}", b.Count].Value));
            }

            if (blockers.Count > 0)
            {
                return new Outcome(Blockers: blockers);
            }

            var newest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == id)
                .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).Select(a => a.CommonLevel).FirstOrDefaultAsync(ct);
            var now = time.GetUtcNow();
            found.RequestClosure(user.UserId, summary!, ClosureApprovalRule.RequiredFor(newest), now, category);
            return await SaveAsync(user, found, AuditAction.CaseClosureRequest, null, ct);
        }

        public async Task<Outcome> ApproveAsync(Guid id, CancellationToken ct)
        {
            var (user, found) = await LoadAsync(id, ct);
            if (found is null)
            {
                return new Outcome(NotFound: true);
            }

            if (!IsApprover(user, found))
            {
                return new Outcome(Forbidden: true);
            }

            found.ApproveClosure(user.UserId, user.AgencyId, time.GetUtcNow());
            if (found.Status != CaseStatus.Closed)
            {
                return await SaveAsync(user, found, AuditAction.CaseClosureApprove, null, ct);
            }

            timeline.Record(found.Id, CaseEventKind.Closed, CaseSections.Closure, user.AgencyId, user.UserId, detail: found.ClosureOutcome is { } category ? StableName.Of(category) : null);
            var closed = new CaseClosed(found);
            await events.RaiseAsync(closed, ct); // feedback to the agencies that worked on it (Archive)
            var saved = await SaveAsync(user, found, AuditAction.CaseClosed, null, ct);
            await events.SavedAsync(closed, ct);
            return saved;
        }

        public async Task<Outcome> RejectAsync(Guid id, string? reason, IStringLocalizer localizer, CancellationToken ct)
        {
            var (user, found) = await LoadAsync(id, ct);
            if (found is null)
            {
                return new Outcome(NotFound: true);
            }

            if (!IsApprover(user, found))
            {
                return new Outcome(Forbidden: true);
            }

            var errors = new FieldErrors(localizer).Required("reason", reason).MaxLength("reason", reason, 500);
            if (errors.Any)
            {
                return new Outcome(Errors: errors);
            }

            found.RejectClosure(time.GetUtcNow());
            return await SaveAsync(user, found, AuditAction.CaseClosureReject, reason!.Trim(), ct);
        }

        /// <param name="incidentCaseNumber">The number of the new intake that led to reopening (from the archive notice), recorded on the timeline.</param>
        public async Task<Outcome> ReopenAsync(Guid id, string? reason, IStringLocalizer localizer, CancellationToken ct, string? incidentCaseNumber = null)
        {
            var (user, found) = await LoadAsync(id, ct);
            if (found is null)
            {
                return new Outcome(NotFound: true);
            }

            if (!MayReopen(user, found))
            {
                return new Outcome(Forbidden: true);
            }

            var errors = new FieldErrors(localizer).Required("reason", reason).MaxLength("reason", reason, 500);
            if (errors.Any)
            {
                return new Outcome(Errors: errors);
            }

            found.Reopen(time.GetUtcNow());
            timeline.Record(found.Id, CaseEventKind.Reopened, CaseSections.Closure, user.AgencyId, user.UserId, reason!.Trim(), incidentCaseNumber is null ? null : "incident=" + incidentCaseNumber);
            return await SaveAsync(user, found, AuditAction.CaseReopen, reason.Trim(), ct);
        }

        private async Task<(CurrentUser User, Case? Case)> LoadAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            return (user, await db.Cases.VisibleTo(user).SingleOrDefaultAsync(c => c.Id == id, ct));
        }

        private async Task<Outcome> SaveAsync(CurrentUser user, Case c, AuditAction action, string? reason, CancellationToken ct)
        {
            audit.Record(user.AsActor(), action, "case", c.Id.ToString(), reason: reason);
            await db.SaveChangesAsync(ct);
            return new Outcome(new ClosureState(c.Id, StableName.Of(c.Status), c.ClosureApprovalsRequired, c.ClosureApprovals.Count, c.ClosedAt, c.ReopenCount));
        }
    }
}
