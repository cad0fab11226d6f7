using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Adds audit events to the current unit of work, so they commit in the same transaction as the
/// change (or read) they record. Each event gets its keyed MAC here, when it is written (ADR 0023).
/// </summary>
public sealed class AuditTrail(LianhuDbContext db, TimeProvider time, AuditSignature signature)
{
    /// <summary>Records a typed action under its stable wire name (<c>case.read</c>, …).</summary>
    /// <param name="caseId">The case the event concerns; by default the entity when it is a case.</param>
    public void Record(AuditActor actor, AuditAction action, string entityType, string? entityId, string? section = null, string? reason = null, Guid? caseId = null) =>
        Record(actor, StableName.Of(action), entityType, entityId, section, reason, caseId);

    /// <summary>
    /// A case id the caller asked for answered 404 (out of scope or unknown): recorded as a probe with
    /// the case id, so repeated probing shows. Added to the unit of work like any event — a 404 path
    /// has usually nothing else to save, so the caller saves.
    /// </summary>
    public void RecordProbe(AuditActor actor, Guid caseId) =>
        Record(actor, AuditAction.ProbeNotFound, "case", caseId.ToString(), caseId: caseId);

    /// <summary>Records an action by its wire name (only through the typed overloads).</summary>
    /// <param name="caseId">The case the event concerns; by default the entity when it is a case, or the case named in a <c>case:&lt;id&gt;</c> section.</param>
    private void Record(AuditActor actor, string action, string entityType, string? entityId, string? section = null, string? reason = null, Guid? caseId = null)
    {
        caseId ??= CaseOf(entityType, entityId, section);
        var e = AuditEvent.Record(Guid.CreateVersion7(time.GetUtcNow()), time.GetUtcNow(), actor, action, entityType, entityId, section, reason, caseId);
        signature.Sign(e);
        db.AuditEvents.Add(e);
    }

    /// <summary>The case an event is about when the caller did not say: the entity itself, or the <c>case:&lt;id&gt;</c> tag older call sites put in the section.</summary>
    private static Guid? CaseOf(string entityType, string? entityId, string? section) =>
        entityType == "case" && Guid.TryParse(entityId, out var id) ? id
        : section is not null && section.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParse(section.AsSpan(5), out var tagged) ? tagged
        : null;
}
