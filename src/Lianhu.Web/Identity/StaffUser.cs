using Microsoft.AspNetCore.Identity;

namespace Lianhu.Web.Identity;

/// <summary>A member of staff. Staff are created by administrators; there is no self-registration.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public Guid AgencyId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class StaffRole : IdentityRole<Guid>
{
}
