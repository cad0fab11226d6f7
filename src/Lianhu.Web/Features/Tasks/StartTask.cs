using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The holder agency starts work on an accepted task.</summary>
public static class StartTask
{
    public sealed record Request;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/start", async (Guid id, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("StartTask").WithTags("Tasks").WithSummary("Start work on an accepted task");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.Holder, AuditAction.TaskStart, (task, now) =>
            {
                task.Start(now);
                return Task.FromResult<IReadOnlyList<InboxSignal>>([]);
            }, ct);
    }
}
