using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The police agency an order was sent to confirms it has verified the order (a city rule; the demo: within 24 h
/// of receipt), completing <c>po-police-verification</c>. Late verification is recorded too; the
/// breach the engine recorded stands.
/// </summary>
public static class VerifyProtectionOrder
{
    public sealed record Request(string? Outcome);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/police-verification", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("VerifyProtectionOrder")
            .WithTags("Legal")
            .WithSummary("The police confirm they verified the order (completes the 24 h verification clock)")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Police, AuditAction.ProtectionOrderPoliceVerification, text, async step =>
            {
                LegalInput.Text(step.Errors, "outcome", request.Outcome, Clock.OutcomeMaxLength);
                if (step.Errors.Any)
                {
                    return;
                }

                var clock = await clocks.CompleteAsync(step.User, step.Subject, "po-police-verification", request.Outcome!, step.Now, ct);
                if (clock is null)
                {
                    throw new DomainRuleViolationException("protection-order.no-verification-pending", "No police verification is pending for this order.");
                }
            }, ct);
    }
}
