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
/// ADVL Art 30: on application the court extends, changes or revokes an order — only while it is in
/// force (after its last day, 409 <c>protection-order.expired</c>). An extension completes the
/// running <c>po-validity</c> clock and starts one to the new last day; a revocation cancels it.
/// </summary>
public static class AmendProtectionOrder
{
    public sealed record ExtendRequest(string? ValidUntil, string? Reason);

    public sealed record ChangeRequest(IReadOnlyList<MeasureInput>? Measures, string? Reason);

    public sealed record RevokeRequest(string? Reason);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/protection-orders/{id:guid}/extend", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, ExtendRequest request, Handler handler, IStringLocalizer<ExtendRequest> text, CancellationToken ct) =>
                (await handler.ExtendAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("ExtendProtectionOrder").WithTags("Legal").WithSummary("Extend an order in force (court)").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/protection-orders/{id:guid}/change", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, ChangeRequest request, Handler handler, IStringLocalizer<ChangeRequest> text, CancellationToken ct) =>
                (await handler.ChangeAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("ChangeProtectionOrder").WithTags("Legal").WithSummary("Change the measures of an order in force (court)").ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/protection-orders/{id:guid}/revoke", async Task<Results<Ok<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, RevokeRequest request, Handler handler, IStringLocalizer<RevokeRequest> text, CancellationToken ct) =>
                (await handler.RevokeAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.OrderStep)
            .WithName("RevokeProtectionOrder").WithTags("Legal").WithSummary("Revoke an order in force (court)").ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed class Handler(ProtectionOrderCommand command, LegalClocks clocks)
    {
        public Task<LegalOutcome<ProtectionOrderDto>> ExtendAsync(Guid id, ExtendRequest request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderExtend, text, async step =>
            {
                var until = LegalInput.Day(step.Errors, "validUntil", request.ValidUntil);
                LegalInput.Text(step.Errors, "reason", request.Reason, ProtectionOrder.ReasonMaxLength);
                if (step.Errors.Any)
                {
                    return;
                }

                var order = step.Order;
                var previous = order.ValidUntil!.Value;
                order.Extend(step.User.UserId, step.Now, until!.Value, request.Reason!);
                var day = until.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                await clocks.CompleteAsync(step.User, step.Subject, ValidityClock.RuleId, $"延长至 {day} / extended to {day}", step.Now, ct);
                var validity = ValidityClock.Compute(clocks.Catalogue, previous, until.Value);
                clocks.Start(step.User.AsActor(), step.User.UserId, order.CaseId, step.Subject, validity, order.CourtAgencyId, step.Now);
            }, ct);

        public Task<LegalOutcome<ProtectionOrderDto>> ChangeAsync(Guid id, ChangeRequest request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderChange, text, step =>
            {
                var measures = LegalInput.Measures(step.Errors, "measures", request.Measures);
                step.Errors.AddAll(ProtectionOrderApplication.MeasureProblems("measures", measures, "legal.measures-required"));
                LegalInput.Text(step.Errors, "reason", request.Reason, ProtectionOrder.ReasonMaxLength);
                if (!step.Errors.Any)
                {
                    step.Order.Change(step.User.UserId, step.Now, measures, request.Reason!);
                }

                return Task.CompletedTask;
            }, ct);

        public Task<LegalOutcome<ProtectionOrderDto>> RevokeAsync(Guid id, RevokeRequest request, IStringLocalizer text, CancellationToken ct) =>
            command.RunAsync(id, OrderActor.Court, AuditAction.ProtectionOrderRevoke, text, async step =>
            {
                LegalInput.Text(step.Errors, "reason", request.Reason, ProtectionOrder.ReasonMaxLength);
                if (step.Errors.Any)
                {
                    return;
                }

                step.Order.Revoke(step.User.UserId, step.Now, request.Reason!);
                await clocks.CancelAsync(step.User, step.Subject, ValidityClock.RuleId, "保护令已撤销 / order revoked", step.Now, ct);
            }, ct);
    }
}
