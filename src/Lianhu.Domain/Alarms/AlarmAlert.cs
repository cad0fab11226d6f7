using Lianhu.Domain.Common;

namespace Lianhu.Domain.Alarms;

/// <summary>Where an alert is: raised (waiting for a responder), acknowledged, closed with an outcome.</summary>
public enum AlarmAlertState
{
    Raised,
    Acknowledged,
    Closed,
}

/// <summary>How an alert ended.</summary>
public enum AlarmOutcome
{
    /// <summary>Officers or workers went to her.</summary>
    Attended,

    /// <summary>Pressed by mistake or by someone else.</summary>
    FalseAlarm,

    /// <summary>She called it off herself.</summary>
    CancelledByHer,

    /// <summary>Anything else; a note says what.</summary>
    Other,
}

/// <summary>
/// One press of the one-key alarm: an urgent alert on the case, raised → acknowledged (by a
/// responding agency) → closed with an outcome. It must be acknowledged by <see cref="AcknowledgeBy"/>;
/// a missed acknowledgement escalates once to the supervising linkage centre, which may then
/// acknowledge too. An outcome is recorded only after an acknowledgement. Illegal moves throw.
/// </summary>
public sealed class AlarmAlert
{
    public const int NoteMaxLength = 1000;
    public const int PressIdMaxLength = 64;

    private AlarmAlert()
    {
        PressId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid EnrolmentId { get; private set; }

    /// <summary>The press as the page named it: a retry of the same press finds this alert.</summary>
    public string PressId { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>Her location as "lat,lng,accuracy" when she allowed it; sensitive, stored encrypted.</summary>
    public string? Location { get; private set; }

    public AlarmAlertState State { get; private set; }

    /// <summary>The acknowledgement is due by then (policy).</summary>
    public DateTimeOffset AcknowledgeBy { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public Guid? EscalatedToAgencyId { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public Guid? AcknowledgedByAgencyId { get; private set; }

    public Guid? AcknowledgedByUserId { get; private set; }

    public AlarmOutcome? Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Guid? ClosedByAgencyId { get; private set; }

    public Guid? ClosedByUserId { get; private set; }

    public bool WasEscalated => EscalatedAt is not null;

    public static AlarmAlert Raise(Guid id, AlarmEnrolment enrolment, string pressId, string? location, DateTimeOffset now, TimeSpan acknowledgeWithin)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        if (!enrolment.IsActive)
        {
            throw new DomainRuleViolationException("alarm.revoked", "The enrolment was revoked.");
        }

        if (string.IsNullOrWhiteSpace(pressId) || pressId.Length > PressIdMaxLength)
        {
            throw new ArgumentException("A press id of 1 to 64 characters is required.", nameof(pressId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(acknowledgeWithin, TimeSpan.Zero);

        return new AlarmAlert
        {
            Id = id,
            CaseId = enrolment.CaseId,
            EnrolmentId = enrolment.Id,
            PressId = pressId,
            RaisedAt = now,
            Location = string.IsNullOrWhiteSpace(location) ? null : location,
            State = AlarmAlertState.Raised,
            AcknowledgeBy = now + acknowledgeWithin,
        };
    }

    /// <summary>True when nobody acknowledged in time and it has not been escalated yet.</summary>
    public bool IsDueForEscalation(DateTimeOffset now) => State == AlarmAlertState.Raised && !WasEscalated && now >= AcknowledgeBy;

    public void Acknowledge(Guid agencyId, Guid userId, DateTimeOffset now)
    {
        if (State != AlarmAlertState.Raised)
        {
            throw new DomainRuleViolationException("alarm.already-acknowledged", "The alert was already acknowledged.");
        }

        State = AlarmAlertState.Acknowledged;
        AcknowledgedAt = now;
        AcknowledgedByAgencyId = agencyId;
        AcknowledgedByUserId = userId;
    }

    /// <summary>The acknowledgement was missed: the alert goes to <paramref name="centreId"/> (once).</summary>
    public void Escalate(Guid? centreId, DateTimeOffset now)
    {
        if (!IsDueForEscalation(now))
        {
            throw new DomainRuleViolationException("alarm.not-due", "Only an unacknowledged alert past its acknowledgement time escalates, once.");
        }

        EscalatedAt = now;
        EscalatedToAgencyId = centreId;
    }

    public void Close(AlarmOutcome outcome, string? note, Guid agencyId, Guid userId, DateTimeOffset now)
    {
        if (State == AlarmAlertState.Raised)
        {
            throw new DomainRuleViolationException("alarm.not-acknowledged", "Acknowledge the alert before recording its outcome.");
        }

        if (State == AlarmAlertState.Closed)
        {
            throw new DomainRuleViolationException("alarm.already-closed", "The alert's outcome is already recorded.");
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (outcome == AlarmOutcome.Other && trimmed is null)
        {
            throw new DomainRuleViolationException("alarm.note-required", "Say what happened when the outcome is 'other'.");
        }

        if (trimmed is { Length: > NoteMaxLength })
        {
            throw new DomainRuleViolationException("alarm.note-too-long", "The note is too long.");
        }

        State = AlarmAlertState.Closed;
        Outcome = outcome;
        OutcomeNote = trimmed;
        ClosedAt = now;
        ClosedByAgencyId = agencyId;
        ClosedByUserId = userId;
    }
}
