using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Identity;

/// <summary>
/// Refuses demo accounts unless the service runs in demo mode, so a demo password can never
/// open a production database even if demo rows were copied into it; refuses a new account until a
/// second administrator has approved it (ADR 0024).
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    IConfiguration configuration,
    LianhuDbContext db)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        (!user.IsDemo || configuration.GetValue<bool>("Lianhu:Demo"))
        && !await db.RoleRequests.AnyAsync(r => r.UserId == user.Id && r.NewAccount && r.Status != RoleRequestStatus.Approved)
        && await base.CanSignInAsync(user);
}
