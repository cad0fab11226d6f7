using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The court rejects the application with its grounds. The ruling clock completes and
/// <c>po-reconsideration</c> starts (5 days from the ruling's day, rolled off rest days; ADVL Art 31),
/// owned by the unit that filed, which helps the applicant decide whether to apply.
/// </summary>
public static class RejectProtectionOrder
{
    public sealed record Request(string? Reason, string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/reject", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("RejectProtectionOrder")
            .WithTags("Legal")
            .WithSummary("The court rejects the application; starts the 5-day reconsideration clock")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderReject, text, async step =>
            {
                LegalInput.Text(step.Errors, "reason", request.Reason, Domain.Legal.ProtectionOrder.ReasonMaxLength);
                var at = LegalInput.Instant(step.Errors, "at", request.At, step.Now);
                if (step.Errors.Any)
                {
                    return;
                }

                step.Order.Reject(step.User.UserId, at!.Value, request.Reason!);
                await clocks.CompleteAsync(step.User, step.Subject, "po-ruling", "申请已驳回 / application rejected", step.Now, ct);
                clocks.Start(step.User, step.Order.CaseId, step.Subject, "po-reconsideration", ClockStart.OnDay(ShanghaiTime.DayOf(at.Value)), step.Order.FiledByAgencyId, step.Now);
            }, ct);
    }
}
