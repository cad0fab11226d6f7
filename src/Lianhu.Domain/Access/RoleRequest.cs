using Lianhu.Domain.Common;

namespace Lianhu.Domain.Access;

/// <summary>
/// A grant of roles waiting for a second administrator (four eyes, ADR 0024): a new account, or
/// roles added to an existing one. The administrator who asked can never decide, nor can the
/// account's own holder; a decided request cannot be decided again.
/// </summary>
public sealed class RoleRequest
{
    private RoleRequest()
    {
        Roles = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The account the roles are for.</summary>
    public Guid UserId { get; private set; }

    /// <summary>True when the request creates the account: it cannot sign in until approved.</summary>
    public bool NewAccount { get; private set; }

    /// <summary>Stable role names, comma-separated.</summary>
    public string Roles { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public RoleRequestStatus Status { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public IReadOnlyList<Role> RoleList => [.. Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(StableName.Parse<Role>)];

    public static RoleRequest Open(Guid id, Guid userId, bool newAccount, IReadOnlyCollection<Role> roles, Guid requestedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (roles.Count == 0)
        {
            throw new DomainRuleViolationException("role-request.empty", "A role request names at least one role.");
        }

        if (userId == requestedBy)
        {
            throw new DomainRuleViolationException("role-request.own-account", "No one grants roles to their own account.");
        }

        RoleSeparation.Check(roles);
        return new RoleRequest
        {
            Id = id,
            UserId = userId,
            NewAccount = newAccount,
            Roles = string.Join(',', roles.Distinct().Order().Select(StableName.Of)),
            RequestedBy = requestedBy,
            RequestedAt = now,
            Status = RoleRequestStatus.Pending,
        };
    }

    public void Approve(Guid by, DateTimeOffset at) => Decide(by, at, RoleRequestStatus.Approved);

    public void Reject(Guid by, DateTimeOffset at) => Decide(by, at, RoleRequestStatus.Rejected);

    private void Decide(Guid by, DateTimeOffset at, RoleRequestStatus outcome)
    {
        if (Status != RoleRequestStatus.Pending)
        {
            throw new DomainRuleViolationException("role-request.decided", "This role request has already been decided.");
        }

        if (by == RequestedBy)
        {
            throw new DomainRuleViolationException("role-request.same-administrator", "A second administrator must decide a role request.");
        }

        if (by == UserId)
        {
            throw new DomainRuleViolationException("role-request.own-account", "No one grants roles to their own account.");
        }

        Status = outcome;
        DecidedBy = by;
        DecidedAt = at;
    }
}

public enum RoleRequestStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// Separation of duties (ADR 0024): whoever administers accounts reads no case content and no
/// audit trail, so one account never holds <see cref="Role.Sysadmin"/> together with
/// <see cref="Role.Caseworker"/>, <see cref="Role.Supervisor"/> or <see cref="Role.Auditor"/>.
/// </summary>
public static class RoleSeparation
{
    private static readonly Role[] ExcludedFromSysadmin = [Role.Caseworker, Role.Supervisor, Role.Auditor];

    public static bool Conflicts(IEnumerable<Role> roles)
    {
        var set = roles.ToHashSet();
        return set.Contains(Role.Sysadmin) && ExcludedFromSysadmin.Any(set.Contains);
    }

    public static void Check(IEnumerable<Role> roles)
    {
        if (Conflicts(roles))
        {
            throw new DomainRuleViolationException("role.separation-of-duties", "A system administrator's account cannot also read cases or the audit trail.");
        }
    }
}
