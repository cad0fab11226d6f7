using Lianhu.Domain.Access;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.People;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Legal;

/// <summary>
/// Files a protection-order application on a case with a court. The victim or a proxy applies
/// (ADVL Art 23, SPC 2022 Art 2); the application is refused, naming the fields, unless the three
/// conditions of Art 27 hold. A court filing its own application receives it at once; any unit with
/// write access to the case's legal section may file on the applicant's behalf.
/// </summary>
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
        bool? Emergency);

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
            var application = new ProtectionOrderApplication(
                LegalInput.Enum<ApplicantType>(errors, "applicantType", request.ApplicantType),
                request.ApplicantName,
                request.ApplicantRelation,
                request.VictimName,
                request.RespondentName,
                request.RespondentIdNumber,
                request.RespondentAddress,
                request.RespondentRelation,
                LegalInput.Enum<ApplicationGround>(errors, "ground", request.Ground, required: false),
                request.Facts,
                LegalInput.Measures(errors, "measures", request.Measures),
                request.Emergency ?? false);
            // The enum fields already reported a bad value; Problems() adds what Art 27 and the form require.
            errors.AddAll(application.Problems().Where(p => !(p.Field == "applicantType" && !string.IsNullOrWhiteSpace(request.ApplicantType))));
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
