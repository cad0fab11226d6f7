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
/// Temporary shelter (ADVL Art 18) as two clocked placements. A community emergency placement runs
/// the <c>community-placement</c> clock (24 h, a city rule) and ends at home or in a shelter — the latter
/// starts a shelter stay. A shelter stay runs <c>shelter-stay</c> (10 days, 民发〔2015〕189号); staying
/// longer needs a filing with civil affairs, which completes the clock. A clock still running at its
/// due time is a breach the engine records and escalates. Where a person is belongs to the case's
/// contact section, so these steps need write access to it. Leaving sheltering (ending at home or
/// elsewhere) makes a return-visit task (<c>config/policies/return-visits.json</c>, event <c>shelter-exit</c>).
/// </summary>
public static class Placements
{
    public const string CommunityPlacementSubject = "community-placement";

    public sealed record StartRequest(string? Kind, string? Location, string? At);

    /// <param name="ShelterLocation">When a community placement ends in a shelter: which shelter (starts the shelter stay).</param>
    public sealed record EndRequest(string? Outcome, string? Note, string? At, string? ShelterLocation);

    public sealed record FilingRequest(string? Reference);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/cases/{id:guid}/placements", async Task<Results<Created<PlacementDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, StartRequest request, Handler handler, IStringLocalizer<StartRequest> text, CancellationToken ct) =>
                (await handler.StartAsync(id, request, text, ct)).ToCreated(text, p => $"/api/v1/cases/{p.CaseId}/legal")).OnCase(CaseSteps.PlacementOnCase)
            .WithName("StartPlacement").WithTags("Legal").WithSummary("Start a community emergency placement (24 h) or a shelter stay (10 days)");
        api.MapPost("/placements/{id:guid}/end", async Task<Results<Ok<PlacementDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, EndRequest request, Handler handler, IStringLocalizer<EndRequest> text, CancellationToken ct) =>
                (await handler.EndAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.PlacementStep)
            .WithName("EndPlacement").WithTags("Legal").WithSummary("End a placement: home, a shelter (starts a stay) or elsewhere")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/placements/{id:guid}/civil-affairs-filing", async Task<Results<Ok<PlacementDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, FilingRequest request, Handler handler, IStringLocalizer<FilingRequest> text, CancellationToken ct) =>
                (await handler.FileAsync(id, request, text, ct)).ToOk(text)).OnCase(CaseSteps.PlacementStep)
            .WithName("FileShelterStay").WithTags("Legal").WithSummary("Record the civil-affairs filing of a stay beyond 10 days")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static ClockSubject SubjectOf(ShelterStay s) =>
        ClockSubject.Of(s.Kind == PlacementKind.CommunityPlacement ? CommunityPlacementSubject : ClockSubject.ShelterStayType, s.Id);

    public static string RuleOf(ShelterStay s) => s.Kind == PlacementKind.CommunityPlacement ? "community-placement" : "shelter-stay";

    public sealed class Handler(
        LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LegalAccess access, LegalClocks clocks, AgencyDirectory directory,
        ClockRuleCatalogue catalogue, Visits.ReturnVisitTasks visits)
    {
        public async Task<LegalOutcome<PlacementDto>> StartAsync(Guid caseId, StartRequest request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var standing = await access.ForCaseAsync(user, caseId, ct);
            if (standing is not { CanReadContact: true })
            {
                return LegalOutcome<PlacementDto>.Missing;
            }

            if (!standing.CanWriteContact)
            {
                return LegalOutcome<PlacementDto>.Deny("legal.no-write");
            }

            var errors = new FieldErrors(text);
            var kind = LegalInput.Enum<PlacementKind>(errors, "kind", request.Kind);
            LegalInput.Text(errors, "location", request.Location, ShelterStay.LocationMaxLength);
            var now = time.GetUtcNow();
            var at = LegalInput.Instant(errors, "at", request.At, now);
            if (errors.Any)
            {
                return LegalOutcome<PlacementDto>.Invalid(errors);
            }

            var stay = Begin(user, caseId, kind!.Value, request.Location!, at!.Value, now, null);
            await db.SaveChangesAsync(ct);
            return LegalOutcome<PlacementDto>.Ok(await ToDtoAsync(stay, ct));
        }

        public Task<LegalOutcome<PlacementDto>> EndAsync(Guid id, EndRequest request, IStringLocalizer text, CancellationToken ct) =>
            RunAsync(id, AuditAction.PlacementEnd, text, async (user, stay, errors, now) =>
            {
                var outcome = LegalInput.Enum<PlacementOutcome>(errors, "outcome", request.Outcome);
                var at = LegalInput.Instant(errors, "at", request.At, now);
                LegalInput.Text(errors, "note", request.Note, ShelterStay.NoteMaxLength, required: false);
                if (outcome == PlacementOutcome.Shelter && stay.Kind == PlacementKind.CommunityPlacement)
                {
                    LegalInput.Text(errors, "shelterLocation", request.ShelterLocation, ShelterStay.LocationMaxLength);
                }

                if (errors.Any)
                {
                    return null;
                }

                stay.End(at!.Value, outcome!.Value, request.Note);
                var label = StableName.Of(outcome.Value);
                await clocks.CompleteAsync(user, SubjectOf(stay), RuleOf(stay), $"结束安置：{label} / placement ended: {label}", now, ct);
                if (outcome != PlacementOutcome.Shelter)
                {
                    // The victim left sheltering (home or elsewhere): a return visit (return-visits.json, event shelter-exit).
                    await visits.ForEventAsync(stay.CaseId, Domain.Visits.VisitEvent.ShelterExit, at.Value, SubjectOf(stay), user, now, ct);
                }

                return outcome == PlacementOutcome.Shelter ? Begin(user, stay.CaseId, PlacementKind.ShelterStay, request.ShelterLocation!, at.Value, now, stay.Id) : null;
            }, ct);

        public Task<LegalOutcome<PlacementDto>> FileAsync(Guid id, FilingRequest request, IStringLocalizer text, CancellationToken ct) =>
            RunAsync(id, AuditAction.PlacementCivilAffairsFiling, text, async (user, stay, errors, now) =>
            {
                LegalInput.Text(errors, "reference", request.Reference, ShelterStay.NoteMaxLength);
                if (errors.Any)
                {
                    return null;
                }

                stay.RecordCivilAffairsFiling(now, request.Reference!);
                await clocks.CompleteAsync(user, SubjectOf(stay), RuleOf(stay), "已向民政部门报备 / filed with civil affairs", now, ct);
                return null;
            }, ct);

        private ShelterStay Begin(CurrentUser user, Guid caseId, PlacementKind kind, string location, DateTimeOffset at, DateTimeOffset now, Guid? previous)
        {
            var stay = ShelterStay.Start(Guid.CreateVersion7(now), caseId, kind, location, user.AgencyId, user.UserId, at, previous);
            db.ShelterStays.Add(stay);
            audit.Record(user.AsActor(), AuditAction.PlacementStart, "placement", stay.Id.ToString(), "contact");
            var start = kind == PlacementKind.CommunityPlacement ? ClockStart.At(at) : ClockStart.OnDay(ShanghaiTime.DayOf(at));
            clocks.Start(user, caseId, SubjectOf(stay), RuleOf(stay), start, user.AgencyId, now);
            return stay;
        }

        /// <returns>The placement the step leads to (a new shelter stay) or, when none, the one it acted on.</returns>
        private async Task<LegalOutcome<PlacementDto>> RunAsync(
            Guid id, AuditAction action, IStringLocalizer text, Func<CurrentUser, ShelterStay, FieldErrors, DateTimeOffset, Task<ShelterStay?>> step, CancellationToken ct)
        {
            var user = current.Required;
            var stay = await db.ShelterStays.SingleOrDefaultAsync(s => s.Id == id, ct);
            var standing = stay is null ? null : await access.ForCaseAsync(user, stay.CaseId, ct);
            if (stay is null || standing is not { CanReadContact: true })
            {
                return LegalOutcome<PlacementDto>.Missing;
            }

            if (!standing.CanWriteContact)
            {
                return LegalOutcome<PlacementDto>.Deny("legal.no-write");
            }

            var errors = new FieldErrors(text);
            var next = await step(user, stay, errors, time.GetUtcNow());
            if (errors.Any)
            {
                return LegalOutcome<PlacementDto>.Invalid(errors);
            }

            audit.Record(user.AsActor(), action, "placement", id.ToString(), "contact");
            await db.SaveChangesAsync(ct);
            await visits.PublishAsync(ct);
            return LegalOutcome<PlacementDto>.Ok(await ToDtoAsync(next ?? stay, ct));
        }

        private async Task<PlacementDto> ToDtoAsync(ShelterStay stay, CancellationToken ct)
        {
            var clockRows = await db.Clocks.AsNoTracking().Where(c => c.SubjectId == stay.Id).OrderBy(c => c.DueAt).ToListAsync(ct);
            var now = time.GetUtcNow();
            return stay.ToDto(await directory.NamesAsync([stay.AgencyId], ct), clockRows.Select(c => Clocks.ClockMapping.ToDto(c, catalogue, now)));
        }
    }
}
