using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// The agency inbox: tasks awaiting my agency's acceptance, my agency's accepted work that falls
/// due within a day, the rest of its accepted work (在办, until completed), overdue work, cases newly in my scope (last 7 days) and task outcomes on the
/// cases my agency leads (last 7 days), and tasks held on them until consent is recorded. Case
/// numbers and task reasons only, never case content.
/// </summary>
public static class GetInbox
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);
    public const int MaxItems = 50;

    /// <param name="InProgress">Accepted or started work not yet due within a day: it stays listed until it is completed.</param>
    public sealed record Counts(int Awaiting, int DueSoon, int Overdue, int NewCases, int Updates, int InProgress)
    {
        /// <summary>What the navigation badge shows: work that needs my agency now.</summary>
        public int Attention => Awaiting + Overdue;
    }

    public sealed record CaseItem(Guid CaseId, string Number, DateTimeOffset CreatedAt);

    public sealed record TaskItem(TaskDto Task, string CaseNumber);

    public sealed record InboxDto(Counts Counts, IReadOnlyList<TaskItem> Awaiting, IReadOnlyList<TaskItem> DueSoon, IReadOnlyList<TaskItem> Overdue, IReadOnlyList<CaseItem> NewCases, IReadOnlyList<TaskItem> Updates, IReadOnlyList<TaskItem> InProgress);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/inbox", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithName("GetInbox").WithTags("Tasks").WithSummary("My agency's inbox: tasks awaiting acceptance, due and overdue work, new cases, updates on cases I lead");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, TimeProvider time)
    {
        private static readonly CaseTaskStatus[] Closed = [CaseTaskStatus.Completed, CaseTaskStatus.Declined, CaseTaskStatus.Cancelled];

        public async Task<InboxDto> HandleAsync(CancellationToken ct)
        {
            var user = current.Required;
            var now = time.GetUtcNow();
            var agencyId = user.AgencyId;
            var handling = user.Has(Role.Caseworker) || user.Has(Role.Supervisor);
            var supervisor = user.Has(Role.Supervisor);
            var open = TaskHolders.Open;
            var mine = handling
                ? await db.CaseTasks.AsNoTracking().Where(t => t.AgencyId == agencyId && open.Contains(t.Status) && (t.Role == null || supervisor))
                    .OrderBy(t => t.DueAt).Take(MaxItems * 3).ToListAsync(ct)
                : [];
            var since = now - Recent;
            var leadIds = db.Cases.Where(c => c.LeadAgencyId == agencyId).Select(c => c.Id);
            var updates = handling
                ? await db.CaseTasks.AsNoTracking().Where(t => leadIds.Contains(t.CaseId) && t.AgencyId != agencyId
                        && ((Closed.Contains(t.Status) && t.ClosedAt >= since) || t.Status == CaseTaskStatus.Held))
                    .OrderByDescending(t => t.ClosedAt ?? t.CreatedAt).Take(MaxItems).ToListAsync(ct)
                : [];
            var newCases = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.CreatedAt >= since)
                .OrderByDescending(c => c.CreatedAt).Take(MaxItems).Select(c => new CaseItem(c.Id, c.Number, c.CreatedAt)).ToListAsync(ct);

            var caseIds = mine.Concat(updates).Select(t => t.CaseId).Distinct().ToList();
            var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            var agencyIds = mine.Concat(updates).Select(t => t.AgencyId).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            TaskItem Item(CaseTask t) => new(t.ToDto(now, names.GetValueOrDefault(t.AgencyId)), numbers.GetValueOrDefault(t.CaseId, string.Empty));

            var awaiting = mine.Where(t => t.Status == CaseTaskStatus.Created && now < t.DueAt).Select(Item).ToList();
            var overdue = mine.Where(t => now >= t.DueAt).Select(Item).ToList();
            var dueSoon = mine.Where(t => t.Status != CaseTaskStatus.Created && now < t.DueAt && t.DueAt - now <= DueSoon).Select(Item).ToList();
            var inProgress = mine.Where(t => t.Status != CaseTaskStatus.Created && t.DueAt - now > DueSoon).Select(Item).ToList();
            return new InboxDto(
                new Counts(awaiting.Count, dueSoon.Count, overdue.Count, newCases.Count, updates.Count, inProgress.Count),
                awaiting, dueSoon, overdue, newCases, [.. updates.Select(Item)], inProgress);
        }
    }
}
