using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// "Who has viewed this case": for the lead agency's supervisors and the supervising linkage
/// centres — every person who read it, from which agency, how often and when last.
/// </summary>
public static class CaseViewers
{
    /// <param name="EmergencyReason">The reason typed for the newest emergency access, shown to those who review it.</param>
    /// <param name="EmergencyUntil">When that access ends (or ended).</param>
    public sealed record ViewerDto(
        Guid UserId, string? Username, string? DisplayName, Guid? AgencyId, string? AgencyName, int Views, DateTimeOffset LastViewedAt, bool EmergencyAccess,
        string? EmergencyReason = null, DateTimeOffset? EmergencyUntil = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/viewers", async Task<Results<Ok<List<ViewerDto>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).OnCase(CaseSteps.Viewers)
            .WithName("CaseViewers")
            .WithTags("Audit")
            .WithSummary("Who has viewed a case (lead supervisors and supervising centres)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        /// <summary>Null when the case is out of scope or the caller may not see its viewers.</summary>
        public async Task<List<ViewerDto>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !CaseGate.Holds(StepStanding.Reviewer, user, CaseAccess.RelationTo(user, found)))
            {
                return null;
            }

            var read = StableName.Of(AuditAction.CaseRead);
            var breakGlass = StableName.Of(AuditAction.CaseBreakGlass);
            var reads = await db.AuditEvents.AsNoTracking()
                .Where(e => e.CaseId == caseId && e.UserId != null && (e.Action == read || e.Action == breakGlass))
                .Select(e => new { e.UserId, e.AgencyId, e.At, e.Action })
                .ToListAsync(ct);
            var grants = (await db.BreakGlassGrants.AsNoTracking().Where(g => g.CaseId == caseId).ToListAsync(ct))
                .GroupBy(g => g.UserId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.GrantedAt).First());
            var userIds = reads.Select(r => r.UserId!.Value).Concat(grants.Keys).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.UserName, u.DisplayName }, ct);
            var agencyIds = reads.Select(r => r.AgencyId).OfType<Guid>().Distinct().ToList();
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            return [.. reads.GroupBy(r => r.UserId!.Value).Select(g =>
            {
                var who = users.GetValueOrDefault(g.Key);
                var agency = g.First().AgencyId;
                return new ViewerDto(
                    g.Key, who?.UserName, who?.DisplayName, agency, agency is { } a ? agencies.GetValueOrDefault(a) : null,
                    g.Count(r => r.Action == read), g.Max(r => r.At), g.Any(r => r.Action == breakGlass),
                    grants.GetValueOrDefault(g.Key)?.Reason, grants.GetValueOrDefault(g.Key)?.ExpiresAt);
            }).OrderByDescending(v => v.LastViewedAt)];
        }
    }
}
