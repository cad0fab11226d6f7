using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Who may publish instrument versions for the city: a system administrator, or a supervisor of
/// a linkage centre (the unit that runs the mechanism and owns its risk policy). See ADR 0008.
/// </summary>
public static class InstrumentPublishers
{
    public const string Policy = "instrument-publisher";

    public static bool CanPublish(CurrentUser user) =>
        user.Has(Role.Sysadmin) || (user.Has(Role.Supervisor) && user.AgencyType == AgencyType.LinkageCentre);

    public static void Configure(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(ctx => CurrentUser.From(ctx.User, null) is { } user && CanPublish(user));
}
