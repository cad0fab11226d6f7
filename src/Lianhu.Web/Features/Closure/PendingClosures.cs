using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Closure;

/// <summary>
/// 待我审批: closures waiting for the caller's approval — cases in their scope put forward for
/// closure that they may approve (a supervisor of the supervising linkage centre, not the requester,
/// not already an approver). Case numbers and counts only, no case content.
/// <c>GET /api/v1/closures/pending</c>; the inbox page shows the same list.
/// </summary>
public static class PendingClosures
{
    public const int MaxItems = 100;

    public sealed record Item(Guid CaseId, string Number, string? LeadAgencyName, DateTimeOffset? RequestedAt, int Approvals, int ApprovalsRequired);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/closures/pending", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)))
            .WithName("ListPendingClosures").WithTags("Closure").WithSummary("Closures waiting for my approval (supervising centre supervisors)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct)
        {
            var user = current.Required;
            var pending = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => c.Status == CaseStatus.ClosurePending)
                .OrderBy(c => c.ClosureRequestedAt).Take(MaxItems * 2).ToListAsync(ct);
            var mine = pending.Where(c => CaseClosure.IsApprover(user, c) && c.AwaitsApprovalFrom(user.UserId)).Take(MaxItems).ToList();
            var names = await CaseNames.LoadAsync(db, mine, ct);
            return [.. mine.Select(c => new Item(c.Id, c.Number, names.Agency(c.LeadAgencyId), c.ClosureRequestedAt, c.ClosureApprovals.Count, c.ClosureApprovalsRequired))];
        }
    }
}
