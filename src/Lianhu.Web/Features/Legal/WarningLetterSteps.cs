using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Reading a warning letter, and the issuing police agency's two follow-up steps: delivery records
/// (abuser, victim, committee notified — ADVL Art 17) and the follow-up visit that completes the
/// <c>warning-followup</c> clock.
/// </summary>
public static class WarningLetterSteps
{
    public sealed record DeliveryRequest(string? Recipient, string? Method, string? DeliveredAt);

    public sealed record VisitRequest(string? Outcome);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/warning-letters/{id:guid}", async Task<Results<Ok<WarningLetterDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.GetAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadLetter)
            .WithName("GetWarningLetter").WithTags("Legal").WithSummary("Read a warning letter with deliveries and its follow-up clock");
        api.MapPost("/warning-letters/{id:guid}/deliveries", async Task<Results<Ok<WarningLetterDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, DeliveryRequest request, Handler handler, IStringLocalizer<DeliveryRequest> text, CancellationToken ct) =>
                (await handler.DeliverAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.LetterStep)
            .WithName("RecordWarningLetterDelivery").WithTags("Legal").WithSummary("Record delivery to the abuser or victim, or notice to the committee")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/warning-letters/{id:guid}/visits", async Task<Results<Ok<WarningLetterDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, VisitRequest request, Handler handler, IStringLocalizer<VisitRequest> text, CancellationToken ct) =>
                (await handler.VisitAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.LetterStep)
            .WithName("RecordWarningLetterVisit").WithTags("Legal").WithSummary("Record the follow-up visit (completes the warning-followup clock)")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, LegalClocks clocks, WarningLetterReader reader, Visits.ReturnVisitTasks visits)
    {
        public async Task<WarningLetterDto?> GetAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            var letter = await reader.WithParts().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
            if (letter is null || await access.ForCaseAsync(user, letter.CaseId, ct) is not { CanReadLegal: true } standing)
            {
                return null;
            }

            audit.Record(user.AsActor(), AuditAction.WarningLetterRead, "warning-letter", id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return (await reader.ToDtosAsync([letter], standing.Case, ct))[0];
        }

        public Task<LegalOutcome<WarningLetterDto>> DeliverAsync(Guid id, DeliveryRequest request, IStringLocalizer text, CancellationToken ct) =>
            RunAsync(id, AuditAction.WarningLetterDelivery, text, (user, letter, errors, now) =>
            {
                var recipient = LegalInput.Enum<ServiceRecipient>(errors, "recipient", request.Recipient);
                var method = LegalInput.Enum<DeliveryMethod>(errors, "method", request.Method);
                var at = LegalInput.Instant(errors, "deliveredAt", request.DeliveredAt, now);
                if (!errors.Any)
                {
                    letter.RecordDelivery(user.UserId, recipient!.Value, method!.Value, at!.Value, now);
                }

                return Task.CompletedTask;
            }, ct);

        public Task<LegalOutcome<WarningLetterDto>> VisitAsync(Guid id, VisitRequest request, IStringLocalizer text, CancellationToken ct) =>
            RunAsync(id, AuditAction.WarningLetterVisit, text, async (user, letter, errors, now) =>
            {
                LegalInput.Text(errors, "outcome", request.Outcome, Clock.OutcomeMaxLength);
                if (errors.Any)
                {
                    return;
                }

                if (await clocks.CompleteAsync(user, ClockSubject.Of(ClockSubject.WarningLetterType, letter.Id), "warning-followup", request.Outcome!, now, ct) is not { } clock)
                {
                    throw new DomainRuleViolationException("warning-letter.no-visit-pending", "No follow-up visit is pending for this letter.");
                }

                // The visit recorded on the letter also completes the return-visit task that carries its clock.
                if (await visits.OpenWithClockAsync(clock.Id, ct) is { } task)
                {
                    await visits.CompleteAsync(task, user, request.Outcome!, now, ct);
                }
            }, ct);

        private async Task<LegalOutcome<WarningLetterDto>> RunAsync(
            Guid id, AuditAction action, IStringLocalizer text, Func<CurrentUser, WarningLetter, FieldErrors, DateTimeOffset, Task> step, CancellationToken ct)
        {
            var user = current.Required;
            var letter = await reader.WithParts().SingleOrDefaultAsync(l => l.Id == id, ct);
            var standing = letter is null ? null : await access.ForCaseAsync(user, letter.CaseId, ct);
            if (letter is null || standing is not { CanReadLegal: true })
            {
                return LegalOutcome<WarningLetterDto>.Missing;
            }

            if (!standing.CanWriteLegal || user.AgencyId != letter.IssuedByAgencyId)
            {
                return LegalOutcome<WarningLetterDto>.Deny("legal.issuer-only");
            }

            var errors = new FieldErrors(text);
            await step(user, letter, errors, time.GetUtcNow());
            if (errors.Any)
            {
                return LegalOutcome<WarningLetterDto>.Invalid(errors);
            }

            audit.Record(user.AsActor(), action, "warning-letter", id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            await visits.PublishAsync(ct);
            return LegalOutcome<WarningLetterDto>.Ok((await reader.ToDtosAsync([letter], standing.Case, ct))[0]);
        }
    }
}
