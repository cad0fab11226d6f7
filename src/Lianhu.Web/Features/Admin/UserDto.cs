namespace Lianhu.Web.Features.Admin;

public sealed record UserDto(Guid Id, string Username, string DisplayName, Guid AgencyId, string? AgencyName, IReadOnlyList<string> Roles, bool LockedOut, string? Email = null, IReadOnlyList<string>? PendingRoles = null);
