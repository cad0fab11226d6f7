using Lianhu.Domain.Access;
using Lianhu.Web.Data;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Adds audit events to the current unit of work, so they commit in the same transaction as the
/// change (or read) they record.
/// </summary>
public sealed class AuditTrail(LianhuDbContext db, TimeProvider time)
{
    public void Record(AuditActor actor, string action, string entityType, string? entityId, string? section = null, string? reason = null) =>
        db.AuditEvents.Add(AuditEvent.Record(Guid.CreateVersion7(time.GetUtcNow()), time.GetUtcNow(), actor, action, entityType, entityId, section, reason));
}
