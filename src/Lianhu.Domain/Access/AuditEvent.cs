namespace Lianhu.Domain.Access;

/// <summary>
/// One append-only trace of who did or read what. Written in the same transaction as the change
/// it records. Never holds personal data: ids, actions and section names only.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        Action = string.Empty;
        EntityType = string.Empty;
    }

    public Guid Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public Guid? UserId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public string? Role { get; private set; }

    /// <summary>e.g. <c>case.create</c>, <c>case.read</c>.</summary>
    public string Action { get; private set; }

    public string EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public string? Section { get; private set; }

    public string? Reason { get; private set; }

    public string? ClientAddress { get; private set; }

    public static AuditEvent Record(
        Guid id, DateTimeOffset at, AuditActor actor, string action, string entityType, string? entityId, string? section = null, string? reason = null) => new()
        {
            Id = id,
            At = at,
            UserId = actor.UserId,
            AgencyId = actor.AgencyId,
            Role = actor.Role,
            ClientAddress = actor.ClientAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Section = section,
            Reason = reason,
        };
}

/// <summary>Who is acting, as the audit trail records it.</summary>
public sealed record AuditActor(Guid? UserId, Guid? AgencyId, string? Role, string? ClientAddress)
{
    public static readonly AuditActor System = new(null, null, "system", null);
}
