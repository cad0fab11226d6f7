using Lianhu.Domain.Access;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Steps;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Tasks;

/// <summary>The routing centre or the lead cancels an open task with a reason.</summary>
public static class CancelTask
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/tasks/{id:guid}/cancel", async (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) => TaskMoves.ToHttp(await handler.HandleAsync(id, request, ct), text)).OnCase(CaseSteps.TaskStep)
            .WithName("CancelTask").WithTags("Tasks").WithSummary("Cancel an open task with a reason (routing centre or lead)");

    public sealed class Handler(TaskMoves moves)
    {
        public Task<TaskMoveOutcome> HandleAsync(Guid id, Request request, CancellationToken ct) =>
            moves.MoveAsync(id, TaskMoves.Who.CentreOrLead, AuditAction.TaskCancel, async (task, now) =>
            {
                task.Cancel(moves.ActingUserId, request.Reason ?? string.Empty, now);
                await moves.SettleClockAsync(task, completed: false, "task cancelled", now, ct);
                return [InboxSignal.ForAgency(task.AgencyId, "task.cancelled", task.Id, task.CaseId)];
            }, ct);
    }
}
