using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Clocks;

/// <summary>The clocks of a case: running ones first, soonest due first; then past ones, latest due first.</summary>
public static class ListCaseClocks
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/clocks", async Task<Results<Ok<IReadOnlyList<ClockDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } clocks ? TypedResults.Ok(clocks) : TypedResults.NotFound()).OnCase(CaseSteps.ReadClocks)
            .WithName("ListCaseClocks")
            .WithTags("Clocks")
            .WithSummary("A case's clocks with due time, rule, reading, source and explanation (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, ClockRuleCatalogue catalogue)
    {
        /// <returns>Null when the case does not exist or is outside the caller's scope.</returns>
        public async Task<IReadOnlyList<ClockDto>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            if (!await db.Cases.VisibleTo(user).AnyAsync(c => c.Id == caseId, ct))
            {
                return null;
            }

            var clocks = await db.Clocks.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.ClockList, "case", caseId.ToString());
            await db.SaveChangesAsync(ct);
            var now = time.GetUtcNow();
            var running = clocks.Where(c => c.IsRunning).OrderBy(c => c.DueAt);
            var past = clocks.Where(c => !c.IsRunning).OrderByDescending(c => c.DueAt);
            return [.. running.Concat(past).Select(c => c.ToDto(catalogue, now))];
        }
    }
}
