using Lianhu.Domain.Access;
using Lianhu.Domain.Assessments;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Instruments;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Assessments;

/// <summary>
/// Records a risk assessment on a case in the caller's scope: scores the answers with the
/// instrument's latest version (or the one given), keeps that version, and sets the handling tier
/// and the next reassessment date from the risk-handling policy. A closed case refuses (409).
/// </summary>
public static class CreateAssessment
{
    /// <summary>The score request plus the instrument to use.</summary>
    public sealed record Request : ScoreRequest
    {
        public string? Instrument { get; init; }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/cases/{id:guid}/assessments", HandleHttp).OnCase(CaseSteps.Assess)
            .WithName("CreateAssessment")
            .WithTags("Assessments")
            .WithSummary("Assess a case's risk with an instrument (404 outside your scope, 409 on a closed case)");

    private static async Task<Results<Created<AssessmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> HandleHttp(
        Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(id, request, text, ct);
        return outcome switch
        {
            { Forbidden: true } => Problems.Forbidden(text, "section.no-write"),
            { Errors: { } errors } => errors.ToProblem(),
            { Assessment: { } dto } => TypedResults.Created($"/api/v1/cases/{id}/assessments/{dto.Id}", dto),
            _ => TypedResults.NotFound(),
        };
    }

    /// <param name="Assessment">Null with no errors: the case does not exist or is outside the caller's scope.</param>
    public sealed record Outcome(AssessmentDto? Assessment, FieldErrors? Errors, bool Forbidden = false);

    /// <summary>Shared by the API endpoint and the case page's assessment form.</summary>
    public sealed class Handler(
        LianhuDbContext db, InstrumentStore instruments, RiskHandlingPolicy policy, CaseGate gate, AuditTrail audit, TimeProvider time, ReassessmentClock reassessment, CaseEvents events)
    {
        public async Task<Outcome> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(caseId, CaseSteps.Assess, ct);
            if (entered.Value is not { } inside)
            {
                return new Outcome(null, null, Forbidden: entered.Status == StepStatus.Forbidden && (await gate.EnterAsync(caseId, CaseSteps.ReadAssessments, ct)).Succeeded);
            }

            var (user, found) = (inside.User, inside.Case);

            var errors = new FieldErrors(text).Required("instrument", request.Instrument);
            if (errors.Any)
            {
                return new Outcome(null, errors);
            }

            var instrument = request.Instrument!.Trim();
            var definition = await instruments.FindAsync(instrument, request.Version, ct);
            if (definition is null)
            {
                return new Outcome(null, await instruments.ExistsAsync(instrument, ct)
                    ? errors.Add("version", "instrument.no-version", instrument, request.Version ?? 0)
                    : errors.Add("instrument", "instrument.unknown", instrument));
            }

            var now = time.GetUtcNow();
            Assessment assessment;
            try
            {
                var input = request.ToInput(ShanghaiTime.DayOf(now));
                assessment = Assessment.Record(Guid.CreateVersion7(now), found, definition, input, policy, user.UserId, user.AgencyId, now);
            }
            catch (AssessmentValidationException ex)
            {
                return new Outcome(null, errors.Add(ex));
            }

            db.Assessments.Add(assessment);
            await reassessment.ScheduleAsync(assessment, user.UserId, user.AgencyId, now, ct);
            var recorded = new AssessmentRecorded(assessment, user, now);
            await events.RaiseAsync(recorded, ct); // visit plans (Visits)
            audit.Record(user.AsActor(), AuditAction.AssessmentCreate, "assessment", assessment.Id.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            await events.SavedAsync(recorded, ct); // pushes; routing at the new level (Routing)
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == user.AgencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
            return new Outcome(assessment.ToDto(agency), null);
        }
    }
}
