using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Re-runs routing on a case (idempotent: only tasks that do not exist yet are created). Intake's
/// facts may be given in the body while intake does not store them yet. Needs write access to the
/// risk section (the lead and the supervising centres): 404 outside scope, 403 without it.
/// </summary>
public static class RouteCase
{
    public sealed record Request(bool? Minor, bool? Elderly, bool? Disabled, IReadOnlyList<string>? Violence, IReadOnlyList<string>? Needs);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/routing", async Task<Results<Ok<IReadOnlyList<TaskDto>>, NotFound, ProblemHttpResult, ValidationProblem>> (
                Guid id, Request? request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var errors = handler.Validate(request, text);
                if (errors.Any)
                {
                    return errors.ToProblem();
                }

                var (tasks, forbidden) = await handler.HandleAsync(id, request, ct);
                return forbidden
                    ? Problems.Forbidden(text, "section.no-write")
                    : tasks is null ? TypedResults.NotFound() : TypedResults.Ok(tasks);
            }).OnCase(CaseSteps.Route)
            .WithName("RouteCase").WithTags("Tasks").WithSummary("Re-run routing on a case; answers the tasks it created");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, CaseAccess access, CaseRouting routing, TimeProvider time, RoutingPolicy policy)
    {
        /// <summary>Each need and form of violence is one intake knows or one a routing rule names (e.g. <c>social-work</c>).</summary>
        public FieldErrors Validate(Request? request, IStringLocalizer text)
        {
            var errors = new FieldErrors(text);
            Check("needs", request?.Needs, [.. StableName.All<Need>(), .. policy.Rules.SelectMany(r => r.When.Needs)], errors);
            Check("violence", request?.Violence, [.. StableName.All<ViolenceForm>(), .. policy.Rules.SelectMany(r => r.When.Violence)], errors);
            return errors;
        }

        private static void Check(string field, IReadOnlyList<string>? values, IEnumerable<string> known, FieldErrors errors)
        {
            var allowed = known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < (values?.Count ?? 0); i++)
            {
                if (string.IsNullOrWhiteSpace(values![i]))
                {
                    errors.Add($"{field}[{i}]", "required");
                }
                else if (!allowed.Contains(values[i], StringComparer.Ordinal))
                {
                    errors.Add($"{field}[{i}]", "unknown-value", string.Join(", ", allowed));
                }
            }
        }

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
