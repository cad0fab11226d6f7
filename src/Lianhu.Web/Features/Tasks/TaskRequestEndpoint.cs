using Lianhu.Web.Api;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>A request use case's handler (lead transfer, escalation), as the API and the case page's forms call it.</summary>
public interface ITaskRequestHandler<in TRequest>
{
    /// <summary>The 403 code (<c>error.{code}</c>) when the caller may see the case but not ask.</summary>
    static abstract string ForbiddenCode { get; }

    Task<TaskRequestOutcome> HandleAsync(Guid caseId, TRequest request, IStringLocalizer text, CancellationToken ct);
}

/// <summary>The endpoint shell of a request use case: 201 with the task, 404, 400 ValidationProblem or 403 ProblemDetails.</summary>
public static class TaskRequestEndpoint
{
    // TRequest : class keeps the body non-nullable, as a concrete request type is: a missing or null body
    // is a 400 (not a null request reaching the handler) and the OpenAPI document marks the body required.
    public static RouteHandlerBuilder Map<TRequest, THandler>(IEndpointRouteBuilder api, string route)
        where TRequest : class
        where THandler : ITaskRequestHandler<TRequest> =>
        api.MapPost(route, async Task<Results<Created<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
            Guid id, TRequest request, THandler handler, IStringLocalizer<TRequest> text, CancellationToken ct) =>
        {
            var (task, errors, forbidden) = await handler.HandleAsync(id, request, text, ct);
            if (forbidden)
            {
                return Problems.Forbidden(text, THandler.ForbiddenCode);
            }

            return errors is not null ? errors.ToProblem() : task is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/cases/{id}/tasks", task);
        }).OnCase(CaseSteps.Request);
}
