using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Files a protection-order application on a case with a court. The victim or a proxy applies
/// (ADVL Art 23, SPC 2022 Art 2); the application is refused, naming the fields, unless the three
/// conditions of Art 27 hold, a proxy has a reason the law accepts (and, under SPC 2022 Art 2, the
/// victim's wishes), and the relation is one an order is available against on the day the court
/// received it (<c>receivedOn</c>, default today; WRPL 2022 Art 29 from 2023-01-01). A court filing its
/// own application receives it at once; any unit with write access to the case's legal section may
/// file on the applicant's behalf.
/// </summary>
/// <remarks>
/// <c>applicantType</c>: victim, close-relative, police, womens-federation, residents-committee, relief-agency,
/// civil-affairs, disabled-persons-federation, elderly-organisation. <c>inabilityReason</c>: no-capacity,
/// limited-capacity, coercion, intimidation, old-age, disability, serious-illness. <c>victimWishes</c>: wants,
/// does-not-want. <c>respondentRelation</c>: spouse, parent, child, other-family-member, cohabitant,
/// former-spouse, dating-partner, former-dating-partner. <c>receivedOn</c>: YYYY-MM-DD.
/// </remarks>
public static class FileProtectionOrder
{
    public sealed record Request(
        string? CourtAgencyId,
        string? ApplicantType,
        string? ApplicantName,
        string? ApplicantRelation,
        string? VictimName,
        string? RespondentName,
        string? RespondentIdNumber,
        string? RespondentAddress,
        string? RespondentRelation,
        string? Ground,
        string? Facts,
        IReadOnlyList<MeasureInput>? Measures,
        bool? Emergency,
        string? InabilityReason = null,
        string? VictimWishes = null,
        string? ReceivedOn = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/protection-orders", async Task<Results<Created<ProtectionOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, text, ct)).ToCreated(text, o => $"/api/v1/protection-orders/{o.Id}")).OnCase(CaseSteps.LegalOnCase)
            .WithName("FileProtectionOrder")
            .WithTags("Legal")
            .WithSummary("File a protection-order application with a court (ADVL Arts 23, 27)");

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, AgencyDirectory directory, ProtectionOrderReader reader)
    {
        public async Task<LegalOutcome<ProtectionOrderDto>> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var standing = await access.ForCaseAsync(user, caseId, ct);
            if (standing is not { CanReadLegal: true })
            {
                return LegalOutcome<ProtectionOrderDto>.Missing;
            }

            if (!standing.CanWriteLegal)
            {
                return LegalOutcome<ProtectionOrderDto>.Deny("legal.no-write");
            }

            var errors = new FieldErrors(text);
            var court = await CourtAsync(user, request.CourtAgencyId, errors, ct);
            var today = ShanghaiTime.DayOf(time.GetUtcNow());
            DateOnly? receivedOn = string.IsNullOrWhiteSpace(request.ReceivedOn) ? null : LegalInput.Day(errors, "receivedOn", request.ReceivedOn);
            var incident = await db.CaseIntakes.AsNoTracking().Where(i => i.CaseId == caseId).Select(i => i.OccurredAt).SingleOrDefaultAsync(ct);
            var application = new ProtectionOrderApplication(
                LegalInput.Enum<ApplicantType>(errors, "applicantType", request.ApplicantType),
                request.ApplicantName,
                request.ApplicantRelation,
                request.VictimName,
                request.RespondentName,
                request.RespondentIdNumber,
                request.RespondentAddress,
                LegalInput.Enum<RespondentRelation>(errors, "respondentRelation", request.RespondentRelation, required: false),
                LegalInput.Enum<ApplicationGround>(errors, "ground", request.Ground, required: false),
                request.Facts,
                LegalInput.Measures(errors, "measures", request.Measures),
                request.Emergency ?? false,
                LegalInput.Enum<InabilityReason>(errors, "inabilityReason", request.InabilityReason, required: false),
                LegalInput.Enum<VictimWishes>(errors, "victimWishes", request.VictimWishes, required: false),
                receivedOn,
                incident is { } occurred ? ShanghaiTime.DayOf(occurred) : null);
            // The enum fields already reported a bad value; Problems() adds what Arts 23 and 27, SPC 2022 Art 2, WRPL Art 29 and the form require.
            string[] parsed = ["applicantType", "respondentRelation", "inabilityReason", "victimWishes", "receivedOn"];
            errors.AddAll(application.Problems(today).Where(p => !(parsed.Contains(p.Field) && errors.Has(p.Field))
                && !(p.Field == "applicantType" && p.Code == "required" && !string.IsNullOrWhiteSpace(request.ApplicantType))));
            if (!string.IsNullOrWhiteSpace(request.RespondentIdNumber) && !ResidentIdNumber.TryParse(request.RespondentIdNumber, time, out _, out _))
            {
                errors.Add("respondentIdNumber", "legal.id-number");
            }

            if (errors.Any)
            {
                return LegalOutcome<ProtectionOrderDto>.Invalid(errors);
            }

            var now = time.GetUtcNow();
            var order = ProtectionOrder.File(Guid.CreateVersion7(now), caseId, application, court!.Value, user.AgencyId, user.UserId, now);
            db.ProtectionOrders.Add(order);
            audit.Record(user.AsActor(), AuditAction.ProtectionOrderFile, "protection-order", order.Id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return LegalOutcome<ProtectionOrderDto>.Ok(await reader.ToDtoAsync(order, standing.Case, ct));
        }

        private async Task<Guid?> CourtAsync(Identity.CurrentUser user, string? requested, FieldErrors errors, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(requested))
            {
                if (user.AgencyType == AgencyType.Court)
                {
                    return user.AgencyId;
                }

                errors.Add("courtAgencyId", "required");
                return null;
            }

            if (!Guid.TryParse(requested.Trim(), out var id) || !await directory.IsActiveOfTypeAsync(id, AgencyType.Court, ct))
            {
                errors.Add("courtAgencyId", "legal.not-a-court");
                return null;
            }

            return id;
        }
    }
}
