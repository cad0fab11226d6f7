using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Puts a case involving a minor on the green channel: <c>minor-green-channel</c>, first intervention
/// within 24 h (platform policy), owned by the caller's agency. Idempotent — a case already on the
/// channel answers its running clock (200) instead of a second one (201). The parties feature calls
/// <see cref="Handler.EnsureAsync"/> when a child party is added; until then staff start it here.
/// </summary>
public static class StartMinorGreenChannel
{
    public const string Rule = "minor-green-channel";

    /// <param name="At">When the minor's involvement became known; empty means now.</param>
    public sealed record Request(string? At);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/minor-green-channel", async Task<Results<Created<ClockDto>, Ok<ClockDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (outcome, created) = await handler.HandleAsync(id, request, text, ct);
                return outcome switch
                {
                    { NotFound: true } => TypedResults.NotFound(),
                    { Errors: { } errors } => errors.ToProblem(),
                    { Forbidden: { } code } => LegalResults.Forbid(text, code),
                    _ when created => TypedResults.Created($"/api/v1/clocks/{outcome.Value!.Id}", outcome.Value),
                    _ => TypedResults.Ok(outcome.Value!),
                };
            }).OnCase(CaseSteps.LegalOnCase)
            .WithName("StartMinorGreenChannel").WithTags("Legal").WithSummary("Start the minors' 24 h green-channel clock on a case (idempotent)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, TimeProvider time, LegalAccess access, LegalClocks clocks, AuditTrail audit)
    {
        public async Task<(LegalOutcome<ClockDto> Outcome, bool Created)> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var standing = await access.ForCaseAsync(user, caseId, ct);
            if (standing is null)
            {
                return (LegalOutcome<ClockDto>.Missing, false);
            }

            if (!standing.CanWriteLegal)
            {
                return (LegalOutcome<ClockDto>.Deny("legal.no-write"), false);
            }

            var now = time.GetUtcNow();
            var errors = new FieldErrors(text);
            var at = LegalInput.Instant(errors, "at", request.At, now);
            if (errors.Any)
            {
                return (LegalOutcome<ClockDto>.Invalid(errors), false);
            }

            var (clock, created) = await EnsureAsync(user, caseId, at!.Value, ct);
            audit.Record(user.AsActor(), AuditAction.CaseMinorGreenChannel, "case", caseId.ToString(), "children");
            await db.SaveChangesAsync(ct);
            return (LegalOutcome<ClockDto>.Ok(clock.ToDto(clocks.Catalogue, now)), created);
        }

        /// <summary>The running green-channel clock of the case, or a new one from <paramref name="at"/> (not saved: the caller's unit of work).</summary>
        public async Task<(Clock Clock, bool Created)> EnsureAsync(CurrentUser user, Guid caseId, DateTimeOffset at, CancellationToken ct)
        {
            var subject = ClockSubject.ForCase(caseId);
            if (await clocks.RunningAsync(subject, Rule, ct) is { } running)
            {
                return (running, false);
            }

            return (clocks.Start(user, caseId, subject, Rule, ClockStart.At(at), user.AgencyId, time.GetUtcNow()), true);
        }
    }
}
