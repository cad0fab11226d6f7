using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Clocks;

/// <summary>A clock is visible exactly when its case is (<see cref="CaseScope"/>); otherwise 404.</summary>
public static class ClockScope
{
    public static IQueryable<Clock> VisibleTo(this IQueryable<Clock> clocks, LianhuDbContext db, CurrentUser user)
    {
        var cases = db.Cases.VisibleTo(user);
        return clocks.Where(c => cases.Any(k => k.Id == c.CaseId));
    }
}
