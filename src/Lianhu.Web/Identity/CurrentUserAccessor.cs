using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Identity;

/// <summary>Gives handlers the acting user of the current request (scoped).</summary>
public sealed class CurrentUserAccessor(IHttpContextAccessor http, LianhuDbContext db, TimeProvider time, SharingPolicy sharing)
{
    private CurrentUser? cached;

    public CurrentUser? User => cached ??= Load();

    private CurrentUser? Load()
    {
        if (http.HttpContext is not { } ctx || CurrentUser.From(ctx.User, ctx.Connection.RemoteIpAddress?.ToString()) is not { } user)
        {
            return null;
        }

        return user.WithRelations(LoadRelations);
    }

    /// <summary>
    /// Runs on the request's own DbContext the first time a scope or access check needs it — never
    /// inside a streamed query, which this codebase does not use on request paths.
    /// </summary>
    private CaseRelations LoadRelations(CurrentUser user)
    {
        var now = time.GetUtcNow();
        var userId = user.UserId;
        var emergency = db.BreakGlassGrants.AsNoTracking().Where(g => g.UserId == userId && g.ExpiresAt > now).Select(g => g.CaseId).ToHashSet();
        var tasks = CaseRelationQueries.OpenTaskCases(db, user, sharing, now);
        var shared = tasks.Count > 0 && sharing.NeedsConsent(user.AgencyType) ? CaseRelationQueries.SharedSections(db, user, tasks, now) : null;
        var supervised = new HashSet<Guid>();
        if (SupervisionLines.Supervises(user.AgencyType, user.Division.Tier) is { Count: > 0 } line)
        {
            var prefix = user.Division.ScopePrefix;
            var agencyId = user.AgencyId;
            supervised = db.Agencies.AsNoTracking()
                .Where(a => line.Contains(a.Type) && a.DivisionCode.StartsWith(prefix) && a.Id != agencyId)
                .Select(a => a.Id).ToHashSet();
        }

        var orders = new HashSet<Guid>();
        if (user.Has(Domain.Access.Role.Caseworker) || user.Has(Domain.Access.Role.Supervisor))
        {
            var agencyId = user.AgencyId;
            orders = db.ProtectionOrders.AsNoTracking().Where(o => o.CourtAgencyId == agencyId || o.PoliceAgencyId == agencyId).Select(o => o.CaseId).Distinct().ToHashSet();
        }

        return new CaseRelations(emergency, tasks, supervised, shared, orders);
    }

    /// <summary>The acting user; throws when called outside an authenticated staff request (a bug, not a user error).</summary>
    public CurrentUser Required => User ?? throw new InvalidOperationException("No authenticated staff user on this request.");
}
