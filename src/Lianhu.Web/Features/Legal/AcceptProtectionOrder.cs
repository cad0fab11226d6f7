using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// The court accepts (受理) an application: the <c>po-ruling</c> clock starts at the moment of
/// acceptance — 72 h, or 24 h when the applicant asked for the urgent procedure (ADVL Art 28) —
/// owned by the court.
/// </summary>
public static class AcceptProtectionOrder
{
    /// <param name="At">When the court accepted; empty means now (Beijing time when no offset is given).</param>
    public sealed record Request(string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/protection-orders/{id:guid}/accept", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("AcceptProtectionOrder")
            .WithTags("Legal")
            .WithSummary("The court accepts an application; starts the 72 h (24 h urgent) ruling clock")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderAccept, text, step =>
            {
                if (LegalInput.Instant(step.Errors, "at", request.At, step.Now) is not { } at)
                {
                    return Task.CompletedTask;
                }

                step.Order.Accept(step.User.UserId, at);
                clocks.Start(step.User, step.Order.CaseId, step.Subject, "po-ruling", ClockStart.At(at), step.Order.CourtAgencyId, step.Now,
                    new ClockOptions { Emergency = step.Order.Emergency });
                return Task.CompletedTask;
            }, ct);
    }
}
