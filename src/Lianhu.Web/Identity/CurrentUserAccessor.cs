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

        var now = time.GetUtcNow();
        var emergency = db.BreakGlassGrants.AsNoTracking().Where(g => g.UserId == user.UserId && g.ExpiresAt > now).Select(g => g.CaseId).ToHashSet();
        if (emergency.Count > 0)
        {
            user = user with { EmergencyCases = emergency };
        }

        var tasks = Features.Linkage.TaskHolders.OpenTaskCases(db, user, sharing, now);
        if (tasks.Count > 0)
        {
            user = user with { TaskCases = tasks };
            if (sharing.NeedsConsent(user.AgencyType))
            {
                user = user with { SharedSections = Features.Linkage.TaskHolders.SharedSections(db, user, tasks, now) };
            }
        }

        if (SupervisionLines.Supervises(user.AgencyType, user.Division.Tier) is { Count: > 0 } line)
        {
            var prefix = user.Division.ScopePrefix;
            var supervised = db.Agencies.AsNoTracking()
                .Where(a => line.Contains(a.Type) && a.DivisionCode.StartsWith(prefix) && a.Id != user.AgencyId)
                .Select(a => a.Id).ToHashSet();
            user = user with { SupervisedAgencies = supervised };
        }

        return user;
    }

    /// <summary>The acting user; throws when called outside an authenticated staff request (a bug, not a user error).</summary>
    public CurrentUser Required => User ?? throw new InvalidOperationException("No authenticated staff user on this request.");
}
