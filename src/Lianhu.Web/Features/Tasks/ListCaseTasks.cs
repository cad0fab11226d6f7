using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The tasks on a case in the caller's scope (404 outside it), oldest first; one routing run in rule order.</summary>
public static class ListCaseTasks
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/tasks", async Task<Results<Ok<IReadOnlyList<TaskDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } tasks ? TypedResults.Ok(tasks) : TypedResults.NotFound()).OnCase(CaseSteps.ReadLinkage)
            .WithName("ListCaseTasks").WithTags("Tasks").WithSummary("The linkage tasks on a case (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time, RoutingPolicy routing)
    {
        /// <returns>Null when the case is not visible to the caller.</returns>
        public async Task<IReadOnlyList<TaskDto>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            if ((await gate.EnterAsync(caseId, CaseSteps.ReadLinkage, ct)).Value is not { } inside)
            {
                return null;
            }

            var user = inside.User;

            var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Rule).ThenBy(t => t.Role).ThenBy(t => t.Id).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.TaskList, "case", caseId.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            var agencyIds = tasks.Select(t => t.AgencyId).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            var now = time.GetUtcNow();
            return [.. tasks.Select(t => t.ToDto(now, names.GetValueOrDefault(t.AgencyId)) is var dto && MayReadReason(inside, t) ? dto : dto with { Reason = string.Empty })];
        }

        /// <summary>
        /// A task's reason names what routed it (a risk level, a need, a disabled victim): its holder
        /// always reads it; anyone else only with the sections it reveals. A hand-made task's reason
        /// is free text about the case: the incident section.
        /// </summary>
        private bool MayReadReason(CaseContext inside, CaseTask task)
        {
            if (task.AgencyId == inside.User.AgencyId)
            {
                return true;
            }

            var rule = task.Rule is { } id && task.PolicyVersion == routing.Version ? routing.Rules.FirstOrDefault(r => r.Id == id) : null;
            IEnumerable<CaseSection> reveals = rule is not null ? rule.When.Reveals() : task.Rule is null ? [CaseSection.Incident] : [CaseSection.Risk, CaseSection.Incident, CaseSection.Identity, CaseSection.Health];
            return reveals.All(inside.CanRead);
        }
    }
}
