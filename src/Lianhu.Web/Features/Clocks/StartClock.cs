using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Starts a clock on a case the caller can see: computes the due time from the rule, stores the
/// computation with a reminder time, and leaves the rest to the clock engine. The caller's agency
/// owns the clock (its supervising tier hears of a breach). The subject defaults to the case; a
/// feature that owns a record (a protection order, a warning letter) passes its type and id.
/// </summary>
public static class StartClock
{
    /// <summary>How far ahead of the server's clock a start may lie (devices with a slightly fast clock).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public sealed record Request(string? Rule, string? At, bool? Emergency, int? Months, string? Reading, string? SubjectType, string? SubjectId);

    public sealed record Outcome(ClockDto? Clock, FieldErrors? Errors, bool NotFound = false, StepResult? Refused = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/clocks", HandleHttp).OnCase(CaseSteps.StartClock)
            .WithName("StartClock")
            .WithTags("Clocks")
            .WithSummary("Start a statutory clock on a case (404 when the case is outside your scope)");

    private static async Task<Results<Created<ClockDto>, NotFound, ValidationProblem, ProblemHttpResult>> HandleHttp(
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

        return outcome.Errors is { } errors
            ? errors.ToProblem()
            : TypedResults.Created($"/api/v1/clocks/{outcome.Clock!.Id}", outcome.Clock);
    }

    public sealed class Handler(
        LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time, ClockRuleCatalogue catalogue, IOptions<ClockEngineOptions> options)
    {
        public async Task<Outcome> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.StartClock, ct);
            if (entered.Value is not { } inside)
            {
                return entered.Status == StepStatus.NotFound ? new Outcome(null, null, NotFound: true) : new Outcome(null, null, Refused: entered);
            }

            // A statutory period belongs to the section of the step it guards: a ruling's or a letter's clock is legal work.
            if (ClockSections.Of(request.Rule) is { } section && inside.Require(section, StepAction.Write) is { } refused)
            {
                return new Outcome(null, null, Refused: refused);
            }

            var user = inside.User;
            if (inside.Case.Status == CaseStatus.Closed)
            {
                throw new DomainRuleViolationException("case.closed-read-only", "The case is closed; reopen it to change it.");
            }

            var now = time.GetUtcNow();
            var errors = new FieldErrors(text);
            var computed = ClockRequest.Compute(catalogue, request.Rule, request.At, request.Emergency ?? false, request.Months, request.Reading);
            computed.AddTo(errors);
            if (computed.Computation is { } c && c.Period.Start.EarliestInstant > now + FutureTolerance)
            {
                errors.Add("at", "clock.start-in-future");
            }

            var subject = ReadSubject(caseId, request, errors);
            if (errors.Any)
            {
                return new Outcome(null, errors);
            }

            var computation = computed.Computation!;
            var reminderAt = ClockReminderPolicy.ReminderAt(computed.Rule!, computation, options.Value.ReminderFraction);
            var clock = Clock.Start(Guid.CreateVersion7(now), caseId, subject, computation, reminderAt, user.AgencyId, user.UserId, now);
            db.Clocks.Add(clock);
            audit.Record(user.AsActor(), AuditAction.ClockStart, "clock", clock.Id.ToString());
            await db.SaveChangesAsync(ct);
            return new Outcome(clock.ToDto(catalogue, now), null);
        }

        private static ClockSubject ReadSubject(Guid caseId, Request request, FieldErrors errors)
        {
            var type = string.IsNullOrWhiteSpace(request.SubjectType) ? ClockSubject.CaseType : request.SubjectType.Trim();
            if (!ClockSubject.IsValidType(type))
            {
                errors.Add("subjectType", "clock.subject-type");
                return default;
            }

            if (string.IsNullOrWhiteSpace(request.SubjectId))
            {
                if (type == ClockSubject.CaseType)
                {
                    return ClockSubject.ForCase(caseId);
                }

                errors.Add("subjectId", "required");
                return default;
            }

            if (!Guid.TryParse(request.SubjectId.Trim(), out var id) || id == Guid.Empty)
            {
                errors.Add("subjectId", "clock.subject-id");
                return default;
            }

            if (type == ClockSubject.CaseType && id != caseId)
            {
                errors.Add("subjectId", "clock.subject-not-this-case");
                return default;
            }

            return ClockSubject.Of(type, id);
        }
    }
}
