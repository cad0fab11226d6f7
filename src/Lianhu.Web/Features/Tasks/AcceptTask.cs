using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// The holder agency accepts a created task (409 from any other state). Accepting a lead transfer
/// makes the agency the lead at that moment.
/// </summary>
public static class AcceptTask
{
    public sealed record Request;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/accept", async (Guid id, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("AcceptTask").WithTags("Tasks").WithSummary("Accept a task held by your agency");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.Holder, AuditAction.TaskAccept, async (task, now) =>
            {
                task.Accept(now);
                return task.Kind == CaseTaskKind.LeadTransfer
                    ? await moves.TransferLeadAsync(task, now, ct)
                    : [InboxSignal.ForAgency(task.RoutingCentreId, "task.accepted", task.Id, task.CaseId)];
            }, ct);
    }
}
