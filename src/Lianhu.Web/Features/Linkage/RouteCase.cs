using Lianhu.Domain.Access;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Linkage;

/// <summary>
/// Re-runs routing on a case (idempotent: only tasks that do not exist yet are created). Intake's
/// facts may be given in the body while intake does not store them yet. Needs write access to the
/// risk section (the lead and the supervising centres): 404 outside scope, 403 without it.
/// </summary>
public static class RouteCase
{
    public sealed record Request(bool? Minor, bool? Elderly, bool? Disabled, IReadOnlyList<string>? Violence, IReadOnlyList<string>? Needs);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/routing", async Task<Results<Ok<IReadOnlyList<TaskDto>>, NotFound, ProblemHttpResult>> (
                Guid id, Request? request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (tasks, forbidden) = await handler.HandleAsync(id, request, ct);
                return forbidden
                    ? Problems.Forbidden(text, "section.no-write")
                    : tasks is null ? TypedResults.NotFound() : TypedResults.Ok(tasks);
            })
            .WithName("RouteCase").WithTags("Tasks").WithSummary("Re-run routing on a case; answers the tasks it created");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, CaseRouting routing, TimeProvider time)
    {
        public async Task<(IReadOnlyList<TaskDto>? Created, bool Forbidden)> HandleAsync(Guid caseId, Request? request, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Risk))
            {
                return (null, false);
            }

            if (!access.CanWrite(user, found, CaseSection.Risk))
            {
                return (null, true);
            }

            var inputs = request is null ? null : new RoutingInputs(request.Minor, request.Elderly, request.Disabled, request.Violence, request.Needs);
            var created = await routing.RouteAsync(caseId, user, inputs, ct);
            var now = time.GetUtcNow();
            return ([.. created.Select(t => t.ToDto(now))], false);
        }
    }
}
