using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
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

/// <summary>The assigned agency records what it did about a follow-up; its guarding clock completes (if still before due).</summary>
public static class CloseFollowUp
{
    public sealed record Request(string? Outcome);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/legal-followups/{id:guid}/close", async Task<Results<Ok<FollowUpDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.FollowUpStep)
            .WithName("CloseLegalFollowUp")
            .WithTags("Legal")
            .WithSummary("Close a follow-up assigned to your agency with what was done")
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, ProtectionOrderReader reader, LegalClocks clocks, AgencyDirectory directory)
    {
        public async Task<LegalOutcome<FollowUpDto>> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var followUp = await db.LegalFollowUps.SingleOrDefaultAsync(f => f.Id == id, ct);
            var order = followUp is null ? null : await reader.WithParts().AsNoTracking().SingleOrDefaultAsync(o => o.Id == followUp.SubjectId, ct);
            if (followUp is null || order is null || await access.ForOrderAsync(user, order, ct) is not { } standing)
            {
                return LegalOutcome<FollowUpDto>.Missing;
            }

            if (!standing.CanWriteLegal || user.AgencyId != followUp.AssigneeAgencyId)
            {
                return LegalOutcome<FollowUpDto>.Deny("legal.assignee-only");
            }

            var errors = new FieldErrors(text);
            LegalInput.Text(errors, "outcome", request.Outcome, LegalFollowUp.TextMaxLength);
            if (errors.Any)
            {
                return LegalOutcome<FollowUpDto>.Invalid(errors);
            }

            var now = time.GetUtcNow();
            followUp.Close(user.UserId, request.Outcome!, now);
            var outcome = request.Outcome!.Trim();
            await clocks.CompleteAsync(user, ClockSubject.Of(ReportOrderViolation.FollowUpSubject, followUp.Id), "po-police-verification",
                outcome.Length > Clock.OutcomeMaxLength ? outcome[..Clock.OutcomeMaxLength] : outcome, now, ct);
            audit.Record(user.AsActor(), AuditAction.LegalFollowupClose, "legal-followup", id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return LegalOutcome<FollowUpDto>.Ok(followUp.ToDto(await directory.NamesAsync([followUp.AssigneeAgencyId], ct)));
        }
    }
}
