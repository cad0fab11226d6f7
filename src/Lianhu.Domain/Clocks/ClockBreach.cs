using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// The record that a clock ran past its due time: one per clock (a clock has one due time), written
/// in the same transaction as the clock's move to <see cref="ClockState.Breached"/>. Statistics
/// count these; the linkage feature turns each one with <see cref="EscalationRequested"/> into an
/// escalation task for the supervising division's linkage centre.
/// </summary>
public sealed class ClockBreach
{
    private ClockBreach()
    {
        RuleId = string.Empty;
        SubjectType = string.Empty;
        EscalateToDivisionCode = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ClockId { get; private set; }

    public Guid CaseId { get; private set; }

    public string RuleId { get; private set; }

    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset BreachedAt { get; private set; }

    /// <summary>The agency that owned the clock.</summary>
    public Guid OwnerAgencyId { get; private set; }

    /// <summary>The supervising tier's division (one tier above the owner's; the city for a city agency).</summary>
    public string EscalateToDivisionCode { get; private set; }

    /// <summary>That division's linkage centre, when the directory has one.</summary>
    public Guid? EscalateToAgencyId { get; private set; }

    /// <summary>True until the linkage feature has turned the breach into an escalation task.</summary>
    public bool EscalationRequested { get; private set; }

    /// <summary>When the linkage feature handled the breach (null while <see cref="EscalationRequested"/>).</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>The escalation task it made; null when there was no centre above the owner to escalate to.</summary>
    public Guid? EscalationTaskId { get; private set; }

    public static ClockBreach Record(Guid id, Clock clock, string escalateToDivisionCode, Guid? escalateToAgencyId)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (clock.State != ClockState.Breached || clock.BreachedAt is not { } breachedAt)
        {
            throw new DomainRuleViolationException("clock.not-breached", "Only a breached clock has a breach record.");
        }

        return new ClockBreach
        {
            Id = id,
            ClockId = clock.Id,
            CaseId = clock.CaseId,
            RuleId = clock.RuleId,
            SubjectType = clock.SubjectType,
            SubjectId = clock.SubjectId,
            DueAt = clock.DueAt,
            BreachedAt = breachedAt,
            OwnerAgencyId = clock.OwnerAgencyId,
            EscalateToDivisionCode = escalateToDivisionCode,
            EscalateToAgencyId = escalateToAgencyId,
            EscalationRequested = true,
        };
    }
}
