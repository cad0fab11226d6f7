using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;

namespace Lianhu.Web.Features.Admin;

/// <summary>A system administrator manages the agencies and staff of their own division and below.</summary>
public static class AdminScope
{
    public static IQueryable<Agency> ManagedBy(this IQueryable<Agency> agencies, CurrentUser admin)
    {
        var prefix = admin.Division.ScopePrefix;
        return agencies.Where(a => a.DivisionCode.StartsWith(prefix));
    }
}
