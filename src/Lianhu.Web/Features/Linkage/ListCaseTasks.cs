using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Linkage;

/// <summary>The tasks on a case in the caller's scope (404 outside it), oldest first; one routing run in rule order.</summary>
public static class ListCaseTasks
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/tasks", async Task<Results<Ok<IReadOnlyList<TaskDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } tasks ? TypedResults.Ok(tasks) : TypedResults.NotFound())
            .WithName("ListCaseTasks").WithTags("Tasks").WithSummary("The linkage tasks on a case (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        /// <returns>Null when the case is not visible to the caller.</returns>
        public async Task<IReadOnlyList<TaskDto>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            if (!await db.Cases.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == caseId, ct))
            {
                return null;
            }

            var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Rule).ThenBy(t => t.Role).ThenBy(t => t.Id).ToListAsync(ct);
            audit.Record(user.AsActor(), "task.list", "case", caseId.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            var agencyIds = tasks.Select(t => t.AgencyId).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            var now = time.GetUtcNow();
            return [.. tasks.Select(t => t.ToDto(now, names.GetValueOrDefault(t.AgencyId)))];
        }
    }
}
