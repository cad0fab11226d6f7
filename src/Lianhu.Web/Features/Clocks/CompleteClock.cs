using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Marks the step a clock guards as done, with what was done. Only a running clock before its due
/// time can be completed: a breached, completed or cancelled clock — or one past its due time that
/// the engine has not scanned yet — answers 409 (<see cref="Clock.Complete"/> throws).
/// </summary>
public static class CompleteClock
{
    public sealed record Request(string? Outcome);

    public sealed record Outcome(ClockDto? Clock, FieldErrors? Errors, bool NotFound = false, StepResult? Refused = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/clocks/{id:guid}/complete", HandleHttp).OnCase(CaseSteps.CompleteClock)
            .WithName("CompleteClock")
            .WithTags("Clocks")
            .WithSummary("Complete a running clock (409 when it is already breached, completed or cancelled)")
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<ClockDto>, NotFound, ValidationProblem, ProblemHttpResult>> HandleHttp(
        Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, request, text, ct);
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Refused is { } refused)
        {
            return (ProblemHttpResult)refused.ToHttp(text);
        }

        return outcome.Errors is { } errors ? errors.ToProblem() : TypedResults.Ok(outcome.Clock!);
    }

    /// <summary>Only the clock's owner or a linkage centre supervising the case completes it (<see cref="CaseSteps.CompleteClock"/>): a deadline someone else ticks off never escalates.</summary>
    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time, ClockRuleCatalogue catalogue)
    {
        /// <exception cref="Lianhu.Domain.Common.DomainRuleViolationException">The clock is not running (409).</exception>
        public async Task<Outcome> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(id, CaseSteps.CompleteClock, ct);
            if (entered.Value is not { } inside)
            {
                return entered.Status == StepStatus.NotFound ? new Outcome(null, null, NotFound: true) : new Outcome(null, null, Refused: entered);
            }

            var user = inside.User;
            var clock = await db.Clocks.SingleAsync(c => c.Id == id, ct);

            var errors = new FieldErrors(text);
            errors.Required("outcome", request.Outcome).MaxLength("outcome", request.Outcome?.Trim(), Clock.OutcomeMaxLength);
            if (errors.Any)
            {
                return new Outcome(null, errors);
            }

            var now = time.GetUtcNow();
            clock.Complete(user.UserId, request.Outcome!, now);
            audit.Record(user.AsActor(), AuditAction.ClockComplete, "clock", id.ToString());
            await db.SaveChangesAsync(ct);
            return new Outcome(clock.ToDto(catalogue, now), null);
        }
    }
}
