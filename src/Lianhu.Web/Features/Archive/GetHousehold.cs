using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// One household of the special family archive (家庭暴力特殊档案): its closed cases with dates,
/// levels and closure summaries as far as the caller may see them, and a count of closed records
/// held by other units. Addressed by any case of the household the caller may see (404 otherwise).
/// </summary>
public static class GetHousehold
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/archive/households/{id:guid}", async Task<Results<Ok<HouseholdDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } household ? TypedResults.Ok(household) : TypedResults.NotFound()).NotACaseStep("a household spans cases: ArchiveReader shows each through the case scope and counts the rest")
            .WithName("GetArchiveHousehold")
            .WithTags("Archive")
            .WithSummary("The closed cases of the household a case belongs to, as far as you may see them");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, Households households, ArchiveReader reader, AuditTrail audit)
    {
        public async Task<HouseholdDto?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            if (!await db.Cases.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == caseId, ct))
            {
                return null;
            }

            var household = await reader.ReadAsync(user, await households.ExpandAsync([caseId], ct), ct);
            foreach (var entry in household.Closed)
            {
                audit.Record(user.AsActor(), AuditAction.CaseArchiveRead, "case", entry.CaseId.ToString(), "archive");
            }

            await db.SaveChangesAsync(ct);
            return household;
        }
    }
}
