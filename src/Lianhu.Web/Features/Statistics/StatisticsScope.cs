using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// Which cases a viewer's figures are made of. Staff who read cases (caseworkers, supervisors)
/// count the cases they answer for — led by their agency, in their linkage centre's division, or
/// led along their bureau's line — through <see cref="CaseScope.VisibleTo"/> itself (the WHERE,
/// not a copy of it). A case reached only through a task, a protection order or emergency access is
/// not counted: its holder may read only some sections, and a figure cut by risk level (or the
/// list behind it) would tell them more than the case page does. A statistician (the leading group's seat: aggregate figures, never a case)
/// counts every case located in their agency's division — and sees small cells suppressed and no
/// case list. Nobody else sees statistics.
/// </summary>
public static class StatisticsScope
{
    public static bool MayView(CurrentUser user) => ReadsCases(user) || user.Has(Role.Statistician);

    /// <summary>Whether the viewer may see the cases behind a figure (and so its exact small counts).</summary>
    public static bool ReadsCases(CurrentUser user) => user.Has(Role.Caseworker) || user.Has(Role.Supervisor);

    public static IQueryable<Case> Cases(LianhuDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (ReadsCases(user))
        {
            return db.Cases.AsQueryable().VisibleTo(Accountable(user));
        }

        if (user.Has(Role.Statistician))
        {
            var prefix = user.Division.ScopePrefix;
            return db.Cases.Where(c => c.DivisionCode.StartsWith(prefix));
        }

        return db.Cases.Where(_ => false);
    }

    private static readonly IReadOnlySet<Guid> None = new HashSet<Guid>();

    /// <summary>The same viewer without the case-by-case standings (tasks, orders, emergency access); the bureau line stays.</summary>
    private static CurrentUser Accountable(CurrentUser user) =>
        user.WithRelations(_ => new CaseRelations(None, None, user.SupervisedAgencies, null, None));
}
