using Lianhu.Domain.Access;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The holder agency completes an accepted or started task with its outcome, reported to the lead and the routing centre.</summary>
public static class CompleteTask
{
    public sealed record Request(string? Outcome);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, request, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("CompleteTask").WithTags("Tasks").WithSummary("Complete a task with its outcome");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, Request request, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.Holder, AuditAction.TaskComplete, (task, now) => moves.CompleteAsync(task, request.Outcome, now, ct), ct);
    }
}
