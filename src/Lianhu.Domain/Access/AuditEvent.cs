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

    /// <summary>The case the event concerns, when there is one (so "who viewed this case" and probes are one indexed query).</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>
    /// A keyed MAC over the event's content (<see cref="AuditChain.ContentOf"/>) made when the event is
    /// written, as <c>&lt;key id&gt;:&lt;hex&gt;</c>; the key lives in the key ring, never in the database, so a row
    /// written or edited in the database alone cannot carry a valid one (ADR 0023). Null only on
    /// events written before MACs existed.
    /// </summary>
    public string? Mac { get; private set; }

    /// <summary>Position in the hash chain, assigned when the event is sealed (contiguous from 1).</summary>
    public long? ChainIndex { get; private set; }

    /// <summary>The hash of the previous sealed event (empty for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 over this event's content and <see cref="PreviousHash"/> (see <see cref="AuditChain"/>).</summary>
    public string? Hash { get; private set; }

    public bool IsSealed => ChainIndex is not null;

    /// <summary>Attaches the MAC made when the event is written; once, before it is sealed.</summary>
    public void Authenticate(string mac)
    {
        if (Mac is not null || IsSealed)
        {
            throw new Common.DomainRuleViolationException("audit.already-authenticated", "An audit event is given its MAC once, when it is written.");
        }

        Mac = mac;
    }

    /// <summary>Links the event into the chain after the event whose hash is <paramref name="previousHash"/>.</summary>
    public void Seal(long chainIndex, string previousHash)
    {
        if (IsSealed)
        {
            throw new Common.DomainRuleViolationException("audit.already-sealed", "An audit event is sealed once.");
        }

        ChainIndex = chainIndex;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, previousHash);
    }

    public static AuditEvent Record(
        Guid id, DateTimeOffset at, AuditActor actor, string action, string entityType, string? entityId, string? section = null, string? reason = null, Guid? caseId = null) => new()
        {
            Id = id,
            // Both databases keep at least milliseconds; the MAC made now must match the row read back.
            At = at.AddTicks(-(at.UtcTicks % TimeSpan.TicksPerMillisecond)),
            UserId = actor.UserId,
            AgencyId = actor.AgencyId,
            Role = actor.Role,
            ClientAddress = actor.ClientAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Section = section,
            Reason = reason,
            CaseId = caseId,
        };
}

/// <summary>Who is acting, as the audit trail records it.</summary>
public sealed record AuditActor(Guid? UserId, Guid? AgencyId, string? Role, string? ClientAddress)
{
    public static readonly AuditActor System = new(null, null, "system", null);
}
