using Lianhu.Domain.Common;

namespace Lianhu.Domain.Linkage;

public enum ConferenceStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>Why a conference was called.</summary>
public enum ConferenceTrigger
{
    HighRisk,
    Referral,
    OnDemand,
}

/// <summary>
/// A case conference (MARAC-like, 个案会商): convened by a linkage centre (the leading group for a
/// high-risk case), with an agenda built from the case, invited agencies, then attendance, minutes
/// and decisions that become tasks. scheduled → held | cancelled; every other move throws.
/// </summary>
public sealed class CaseConference
{
    public const int MinutesMaxLength = 20000;

    private CaseConference()
    {
        Agenda = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ConferenceTrigger Trigger { get; private set; }

    public ConferenceStatus Status { get; private set; }

    public Guid ConvenerAgencyId { get; private set; }

    public DateTimeOffset ScheduledAt { get; private set; }

    /// <summary>Agenda lines built from the case (level, referral criteria, open tasks): no case narrative.</summary>
    public string Agenda { get; private set; }

    public Guid[] InvitedAgencyIds { get; private set; } = [];

    public Guid[] AttendedAgencyIds { get; private set; } = [];

    /// <summary>Case content: encrypted at rest, never logged.</summary>
    public string? Minutes { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public Guid? CancelledByUserId { get; private set; }

    /// <summary>Why it will not be held. Case content may creep in: encrypted at rest, never logged.</summary>
    public string? CancellationReason { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public static CaseConference Schedule(
        Guid id, Guid caseId, ConferenceTrigger trigger, Guid convener, DateTimeOffset scheduledAt, IEnumerable<string> agenda, IEnumerable<Guid> invited, Guid by, DateTimeOffset now)
    {
        if (scheduledAt < now)
        {
            throw new DomainRuleViolationException("conference.in-past", "A conference is scheduled in the future.");
        }

        return new CaseConference
        {
            Id = id,
            CaseId = caseId,
            Trigger = trigger,
            Status = ConferenceStatus.Scheduled,
            ConvenerAgencyId = convener,
            ScheduledAt = scheduledAt.ToUniversalTime(),
            Agenda = string.Join('\n', agenda),
            InvitedAgencyIds = [.. invited.Append(convener).Distinct()],
            CreatedByUserId = by,
            CreatedAt = now.ToUniversalTime(),
            Version = 1,
        };
    }

    /// <summary>Records the meeting: who attended (invited agencies only) and the minutes.</summary>
    public void RecordHeld(IReadOnlyCollection<Guid> attended, string minutes, DateTimeOffset at)
    {
        if (Status != ConferenceStatus.Scheduled)
        {
            throw new DomainRuleViolationException("conference.illegal-move", "Only a scheduled conference can be held.");
        }

        if (attended.Count == 0 || attended.Any(a => !InvitedAgencyIds.Contains(a)))
        {
            throw new DomainRuleViolationException("conference.attendance", "Attendance lists invited agencies only, at least one.");
        }

        var text = minutes?.Trim() ?? string.Empty;
        if (text.Length is 0 or > MinutesMaxLength)
        {
            throw new DomainRuleViolationException("conference.minutes", "Minutes are required.");
        }

        Status = ConferenceStatus.Held;
        AttendedAgencyIds = [.. attended.Distinct()];
        Minutes = text;
        HeldAt = at.ToUniversalTime();
        Version++;
    }

    public const int ReasonMaxLength = 2000;

    /// <summary>Calls the meeting off, with a reason the invited agencies are told (scheduled only).</summary>
    public void Cancel(string reason, Guid by, DateTimeOffset at)
    {
        if (Status != ConferenceStatus.Scheduled)
        {
            throw new DomainRuleViolationException("conference.illegal-move", "Only a scheduled conference can be cancelled.");
        }

        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ReasonMaxLength)
        {
            throw new DomainRuleViolationException("conference.reason-required", "Say why the conference is cancelled (at most 2000 characters).");
        }

        Status = ConferenceStatus.Cancelled;
        CancellationReason = text;
        CancelledByUserId = by;
        CancelledAt = at.ToUniversalTime();
        Version++;
    }
}
