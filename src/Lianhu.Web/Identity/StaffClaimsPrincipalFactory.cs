using System.Security.Claims;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Identity;

/// <summary>Adds the user's agency, its type, division and tier to the principal at sign-in.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<StaffRole> roleManager,
    IOptions<IdentityOptions> options,
    LianhuDbContext db)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == user.AgencyId);
        identity.AddClaim(new Claim(LianhuClaims.AgencyId, agency.Id.ToString()));
        identity.AddClaim(new Claim(LianhuClaims.AgencyType, StableName.Of(agency.Type)));
        identity.AddClaim(new Claim(LianhuClaims.DivisionCode, agency.DivisionCode));
        identity.AddClaim(new Claim(LianhuClaims.Tier, StableName.Of(agency.Tier)));
        identity.AddClaim(new Claim(LianhuClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
