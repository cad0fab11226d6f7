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

/// <summary>The consents and legal bases recorded on a case, newest first (404 outside scope; 403 for a relation that may not see them). The read is audited.</summary>
public static class ListConsents
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/consents", async Task<Results<Ok<IReadOnlyList<ConsentDto>>, NotFound, ProblemHttpResult>> (
                Guid id, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
            {
                var (list, forbidden) = await handler.HandleAsync(id, ct);
                return forbidden ? Problems.Forbidden(text, "consent.not-allowed") : list is null ? TypedResults.NotFound() : TypedResults.Ok(list);
            }).OnCase(CaseSteps.ReadConsents)
            .WithName("ListConsents").WithTags("Consent").WithSummary("Consents and legal bases for sharing the case with non-statutory bodies");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, SharingPolicy policy)
    {
        public async Task<(IReadOnlyList<ConsentDto>? List, bool Forbidden)> HandleAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null)
            {
                return (null, false);
            }

            if (!ConsentRules.MayRead(user, found))
            {
                return (null, true);
            }

            var consents = await db.CaseConsents.AsNoTracking().Where(c => c.CaseId == caseId).OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).ToListAsync(ct);
            audit.Record(user.AsActor(), AuditAction.ConsentList, "case", caseId.ToString(), section: "case:" + caseId.ToString("N"));
            await db.SaveChangesAsync(ct);
            var names = await AgencyNamesAsync(db, consents.Select(c => c.AgencyId), ct);
            var now = time.GetUtcNow();
            return ([.. consents.Select(c => c.ToDto(now, policy, c.AgencyId is { } a ? names.GetValueOrDefault(a) : null))], false);
        }

        /// <summary>What the case page's consent panel needs: whether the user may record and withdraw, and the non-statutory agencies of the case's city.</summary>
        public async Task<(bool MayManage, IReadOnlyList<(Guid Id, string Name, string Type)> Agencies)> FormAsync(Guid caseId, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null || !ConsentRules.MayManage(user, found))
            {
                return (false, []);
            }

            var city = found.DivisionCode[..4];
            var types = policy.NonStatutory.ToList();
            var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.DivisionCode.StartsWith(city) && types.Contains(a.Type))
                .OrderBy(a => a.DivisionCode).ThenBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Type }).ToListAsync(ct);
            return (true, [.. agencies.Select(a => (a.Id, a.Name, Lianhu.Domain.Common.StableName.Of(a.Type)))]);
        }
    }

    public static async Task<Dictionary<Guid, string>> AgencyNamesAsync(LianhuDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        return list.Count == 0 ? [] : await db.Agencies.AsNoTracking().Where(a => list.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
