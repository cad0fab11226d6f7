using Lianhu.Domain.Access;
using Lianhu.Domain.Assessments;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Assessments;

/// <summary>The assessments of a case in the caller's scope, newest (by assessment date) first; the read is audited.</summary>
public static class ListAssessments
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/assessments", async Task<Results<Ok<List<AssessmentDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).OnCase(CaseSteps.ReadAssessments)
            .WithName("ListAssessments")
            .WithTags("Assessments")
            .WithSummary("A case's risk assessments, newest first (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, CaseAccess access)
    {
        /// <summary>Null when the case does not exist, is outside the caller's scope, or its risk section is not theirs to read.</summary>
        public async Task<List<AssessmentDto>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !access.CanRead(user, found, CaseSection.Risk))
            {
                return null;
            }

            // Newest by assessment date: a paper assessment entered later sits where it happened.
            var rows = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
                .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.AssessmentRead, "case", caseId.ToString(), section: "risk");
            await db.SaveChangesAsync(ct);
            return await ToDtosAsync(db, rows, ct);
        }
    }

    internal static async Task<List<AssessmentDto>> ToDtosAsync(LianhuDbContext db, List<Assessment> rows, CancellationToken ct)
    {
        var agencyIds = rows.Select(a => a.AssessorAgencyId).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. rows.Select(a => a.ToDto(names.GetValueOrDefault(a.AssessorAgencyId)))];
    }
}
