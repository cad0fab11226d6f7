using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Assessments;

/// <summary>One assessment of a case in the caller's scope (where <c>POST …/assessments</c> points its Location); audited.</summary>
public static class GetAssessment
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/assessments/{assessmentId:guid}", async Task<Results<Ok<AssessmentDto>, NotFound>> (
                Guid id, Guid assessmentId, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, assessmentId, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadAssessments)
            .WithName("GetAssessment")
            .WithTags("Assessments")
            .WithSummary("One risk assessment of a case (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, CaseAccess access)
    {
        public async Task<AssessmentDto?> HandleAsync(Guid caseId, Guid assessmentId, CancellationToken ct)
        {
            var user = current.Required;
            var theCase = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (theCase is null || !access.CanRead(user, theCase, CaseSection.Risk))
            {
                return null;
            }

            var found = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.CaseId == caseId, ct);
            if (found is null)
            {
                return null;
            }

            audit.Record(user.AsActor(), AuditAction.AssessmentRead, "assessment", assessmentId.ToString(), section: "risk");
            await db.SaveChangesAsync(ct);
            return (await ListAssessments.ToDtosAsync(db, [found], ct))[0];
        }
    }
}
