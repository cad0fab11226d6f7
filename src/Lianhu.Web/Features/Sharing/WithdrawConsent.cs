using Lianhu.Domain.Access;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Sharing;

/// <summary>
/// Withdraws a consent (or revokes a legal basis) with the time and an optional reason; sharing under
/// it stops at once (the body's staff lose the case on their next request). Withdrawing twice is a
/// 409. The lead and the supervising centres only.
/// </summary>
public static class WithdrawConsent
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/consents/{consentId:guid}/withdraw", async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Guid consentId, Request? request, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
            {
                var (dto, errors, forbidden) = await handler.HandleAsync(id, consentId, request?.Reason, text, ct);
                if (forbidden)
                {
                    return Problems.Forbidden(text, "consent.not-allowed");
                }

                return errors is not null ? errors.ToProblem() : dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
            }).OnCase(CaseSteps.Consent)
            .WithName("WithdrawConsent").WithTags("Consent").WithSummary("Withdraw a consent or revoke a legal basis; sharing under it stops at once");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, SharingPolicy policy)
    {
        public async Task<(ConsentDto? Consent, FieldErrors? Errors, bool Forbidden)> HandleAsync(Guid caseId, Guid consentId, string? reason, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            var consent = found is null ? null : await db.CaseConsents.SingleOrDefaultAsync(c => c.Id == consentId && c.CaseId == caseId, ct);
            if (found is null || consent is null)
            {
                return (null, null, false);
            }

            if (!ConsentRules.MayManage(user, found))
            {
                return (null, null, true);
            }

            var errors = new FieldErrors(text).MaxLength("reason", reason?.Trim(), CaseConsent.NoteMaxLength);
            if (errors.Any)
            {
                return (null, errors, false);
            }

            var now = time.GetUtcNow();
            consent.Withdraw(user.UserId, reason, now);
            audit.Record(user.AsActor(), AuditAction.ConsentWithdraw, "consent", consent.Id.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            var names = await ListConsents.AgencyNamesAsync(db, [consent.AgencyId], ct);
            return (consent.ToDto(now, policy, consent.AgencyId is { } a ? names.GetValueOrDefault(a) : null), null, false);
        }
    }
}
