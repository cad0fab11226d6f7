using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// My agency's feedback on closed cases it referred or worked on: the case number, when it closed,
/// the closure outcome category, and the result of my agency's own tasks — never the summary, the
/// parties or other agencies' work. A reopened case leaves the list until it closes again.
/// </summary>
public static class ListFeedback
{
    public const int MaxItems = 50;

    /// <param name="Outcome">The result my agency recorded when it completed (or the reason it was cancelled or declined).</param>
    public sealed record FeedbackTask(Guid Id, string Kind, string Step, string Status, DateTimeOffset? ClosedAt, string? Outcome);

    /// <param name="Relation"><c>task-holder</c> (my agency held a task) or <c>referrer</c> (my agency received the case and handed the lead on).</param>
    /// <param name="Outcome">The closure outcome category (stable name), null when none was recorded.</param>
    public sealed record FeedbackItem(Guid CaseId, string CaseNumber, DateTimeOffset? ClosedAt, string? Outcome, string Relation, IReadOnlyList<FeedbackTask> Tasks);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/feedback", async Task<Ok<IReadOnlyList<FeedbackItem>>> (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("ListFeedback")
            .WithTags("Archive")
            .WithSummary("Outcomes of closed cases my agency referred or held a task on");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit)
    {
        public async Task<IReadOnlyList<FeedbackItem>> HandleAsync(CancellationToken ct)
        {
            var user = current.Required;
            if (!(user.Has(Role.Caseworker) || user.Has(Role.Supervisor)))
            {
                return [];
            }

            var agencyId = user.AgencyId;
            var supervisor = user.Has(Role.Supervisor);
            var held = db.CaseTasks.Where(t => t.AgencyId == agencyId).Select(t => t.CaseId);
            var received = db.CaseEvents.Where(e => e.AgencyId == agencyId && e.Kind == CaseEventKind.Opened).Select(e => e.CaseId);
            var cases = await db.Cases.AsNoTracking()
                .Where(c => c.Status == CaseStatus.Closed && c.LeadAgencyId != agencyId && (held.Contains(c.Id) || received.Contains(c.Id)))
                .OrderByDescending(c => c.ClosedAt)
                .Take(MaxItems)
                .Select(c => new { c.Id, c.Number, c.ClosedAt, c.ClosureOutcome })
                .ToListAsync(ct);
            var ids = cases.Select(c => c.Id).ToList();
            var tasks = (await db.CaseTasks.AsNoTracking().Where(t => t.AgencyId == agencyId && ids.Contains(t.CaseId) && (t.Role == null || supervisor)).ToListAsync(ct))
                .OrderBy(t => t.CreatedAt)
                .ToLookup(t => t.CaseId);
            var items = cases.Select(c => new FeedbackItem(
                c.Id,
                c.Number,
                c.ClosedAt,
                c.ClosureOutcome is { } outcome ? StableName.Of(outcome) : null,
                tasks[c.Id].Any() ? "task-holder" : "referrer",
                [.. tasks[c.Id].Select(t => new FeedbackTask(t.Id, StableName.Of(t.Kind), t.Step, StableName.Of(t.Status), t.ClosedAt, t.ClosingText))])).ToList();
            if (items.Count > 0)
            {
                audit.Record(user.AsActor(), AuditAction.FeedbackRead, "agency", agencyId.ToString(), "feedback");
                await db.SaveChangesAsync(ct);
            }

            return items;
        }
    }
}
