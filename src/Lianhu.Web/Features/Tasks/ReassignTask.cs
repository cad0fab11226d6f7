using Lianhu.Domain.Access;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The routing centre hands declined work (its reassignment task) to another agency.</summary>
public static class ReassignTask
{
    public sealed record Request(Guid? AgencyId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/reassign", async (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, request, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("ReassignTask").WithTags("Tasks").WithSummary("Reassign declined work to another agency (routing centre)");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, Request request, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.Holder, AuditAction.TaskReassign, (task, now) => moves.ReassignAsync(task, request.AgencyId ?? Guid.Empty, now, ct), ct);
    }
}
