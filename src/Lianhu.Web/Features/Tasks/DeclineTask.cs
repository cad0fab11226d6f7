using Lianhu.Domain.Access;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// The holder agency declines a created task with a reason (409 <c>task.reason-required</c>
/// without one); the routing centre gets a reassignment task, so the work is never lost.
/// </summary>
public static class DeclineTask
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/decline", async (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, request, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("DeclineTask").WithTags("Tasks").WithSummary("Decline a task with a reason; it goes back to the routing centre");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, Request request, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.Holder, AuditAction.TaskDecline, (task, now) => moves.DeclineAsync(task, request.Reason, now, ct), ct);
    }
}
