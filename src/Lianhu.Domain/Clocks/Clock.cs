using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// One running statutory or policy clock on a case: a row, not a timer. It keeps the computation
/// that set it (rule, due time, reading, source, explanation) so the screen shows exactly what was
/// decided when it started, even after the rule file changes. The clock engine moves it
/// pending → reminded → breached; people complete or cancel it while it runs. Every illegal move
/// throws <see cref="DomainRuleViolationException"/>. All instants are stored in UTC.
/// </summary>
public sealed class Clock
{
    public const int OutcomeMaxLength = 1000;
    public const int ClaimOwnerMaxLength = 100;

    private Clock()
    {
        SubjectType = string.Empty;
        RuleId = string.Empty;
        Reading = string.Empty;
        ExplanationZh = string.Empty;
        ExplanationEn = string.Empty;
        SourceZh = string.Empty;
        SourceEn = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>What the clock guards: <c>case</c>, <c>protection-order</c>, … (see <see cref="ClockSubject"/>).</summary>
    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public string RuleId { get; private set; }

    public bool Emergency { get; private set; }

    /// <summary>The period's length in the rule's unit (72, 24, 6, …).</summary>
    public int Amount { get; private set; }

    /// <summary>The event the clock runs from; 00:00 Beijing time of its day when only the day was given.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    public bool StartTimeKnown { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The last day of a day or month period (ends 24:00); null for hour periods.</summary>
    public DateOnly? LastDay { get; private set; }

    /// <summary>The reading id that produced <see cref="DueAt"/>, e.g. <c>exact-instant</c>.</summary>
    public string Reading { get; private set; }

    public string ExplanationZh { get; private set; }

    public string ExplanationEn { get; private set; }

    public string SourceZh { get; private set; }

    public string SourceEn { get; private set; }

    public DateTimeOffset ReminderAt { get; private set; }

    public ClockState State { get; private set; }

    /// <summary>When the engine must next look at the clock (reminder, then due); null once final.</summary>
    public DateTimeOffset? NextFireAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? BreachedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>What the due time means (from the rule when the clock started): a breach, or a lapse.</summary>
    public ClockDueAction OnDue { get; private set; }

    /// <summary>When a validity clock ran out (<see cref="ClockState.Lapsed"/>).</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    /// <summary>What was done (completed) or why it is no longer needed (cancelled).</summary>
    public string? Outcome { get; private set; }

    public Guid? ClosedByUserId { get; private set; }

    /// <summary>The agency accountable for meeting the clock: its supervising tier is escalated to on breach.</summary>
    public Guid OwnerAgencyId { get; private set; }

    public Guid StartedByUserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The scanner node holding the clock's claim (written by the claim query, cleared when it fires).</summary>
    public string? ClaimOwner { get; private set; }

    /// <summary>When the claim lapses and another node may claim the clock.</summary>
    public DateTimeOffset? ClaimExpiresAt { get; private set; }

    /// <summary>Optimistic concurrency: bumped by every change, including a claim.</summary>
    public int Version { get; private set; }

    public bool IsRunning => State is ClockState.Pending or ClockState.Reminded;

    /// <summary>Breached, or a deadline still running past its due time (the engine has not scanned yet). A validity period that ran out is never overdue.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => State == ClockState.Breached || (IsRunning && OnDue == ClockDueAction.Breach && now >= DueAt);

    public static Clock Start(
        Guid id, Guid caseId, ClockSubject subject, ClockComputation computation, DateTimeOffset reminderAt, Guid ownerAgencyId, Guid startedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(computation);
        if (subject.Type is null)
        {
            throw new DomainRuleViolationException("clock.subject-type", "A clock needs a subject.");
        }

        if (reminderAt > computation.Due)
        {
            throw new DomainRuleViolationException("clock.reminder-after-due", "A reminder cannot come after the due time.");
        }

        var start = computation.Period.Start;
        var clock = new Clock
        {
            Id = id,
            CaseId = caseId,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            RuleId = computation.RuleId,
            Emergency = computation.Emergency,
            Amount = computation.Period.Amount,
            StartedAt = start.EarliestInstant.ToUniversalTime(),
            StartTimeKnown = start.HasTime,
            DueAt = computation.Due.ToUniversalTime(),
            LastDay = computation.LastDay,
            Reading = computation.Reading,
            ExplanationZh = computation.Explanation.ZhCn,
            ExplanationEn = computation.Explanation.En,
            SourceZh = computation.Source.ZhCn,
            SourceEn = computation.Source.En,
            ReminderAt = reminderAt.ToUniversalTime(),
            OnDue = computation.OnDue,
            State = ClockState.Pending,
            OwnerAgencyId = ownerAgencyId,
            StartedByUserId = startedBy,
            CreatedAt = now.ToUniversalTime(),
            Version = 1,
        };
        clock.NextFireAt = clock.ReminderAt;
        return clock;
    }

    /// <summary>
    /// What the clock engine does at <paramref name="now"/>: when due, breach — or lapse, for a
    /// validity period (<see cref="ClockDueAction.Lapse"/>) — (a missed reminder is not sent late),
    /// otherwise remind when the reminder time has come, otherwise nothing.
    /// </summary>
    public ClockFiring Fire(DateTimeOffset now)
    {
        if (IsRunning && now >= DueAt && OnDue == ClockDueAction.Lapse)
        {
            Lapse(now);
            return ClockFiring.Lapsed;
        }

        if (IsRunning && now >= DueAt)
        {
            Breach(now);
            return ClockFiring.Breached;
        }

        if (State == ClockState.Pending && now >= ReminderAt)
        {
            Remind(now);
            return ClockFiring.Reminded;
        }

        return ClockFiring.None;
    }

    public void Remind(DateTimeOffset at)
    {
        if (State != ClockState.Pending)
        {
            throw NotAllowed("remind");
        }

        if (at < ReminderAt || at >= DueAt)
        {
            throw new DomainRuleViolationException("clock.not-reminder-time", "A clock reminds between its reminder time and its due time.");
        }

        State = ClockState.Reminded;
        RemindedAt = at.ToUniversalTime();
        NextFireAt = DueAt;
        Version++;
    }

    public void Breach(DateTimeOffset at)
    {
        if (!IsRunning)
        {
            throw NotAllowed("breach");
        }

        if (OnDue == ClockDueAction.Lapse)
        {
            throw new DomainRuleViolationException("clock.lapses", "A validity period runs out; it is never breached.");
        }

        if (at < DueAt)
        {
            throw new DomainRuleViolationException("clock.not-yet-due", "A clock cannot be breached before its due time.");
        }

        State = ClockState.Breached;
        BreachedAt = at.ToUniversalTime();
        Finish();
    }

    /// <summary>A validity period ran out at its due time: the clock ends as lapsed, with no breach.</summary>
    public void Lapse(DateTimeOffset at)
    {
        if (!IsRunning)
        {
            throw NotAllowed("lapse");
        }

        if (OnDue != ClockDueAction.Lapse)
        {
            throw new DomainRuleViolationException("clock.not-a-validity", "A deadline is breached when missed, not lapsed.");
        }

        if (at < DueAt)
        {
            throw new DomainRuleViolationException("clock.not-yet-due", "A clock cannot lapse before its due time.");
        }

        State = ClockState.Lapsed;
        LapsedAt = at.ToUniversalTime();
        Finish();
    }

    /// <summary>The guarded step was done in time. After the due time the clock is overdue: a breach, not a completion.</summary>
    public void Complete(Guid by, string outcome, DateTimeOffset at)
    {
        var text = Close("complete", outcome, at);
        State = ClockState.Completed;
        CompletedAt = at.ToUniversalTime();
        Outcome = text;
        ClosedByUserId = by;
        Finish();
    }

    public void Cancel(Guid by, string reason, DateTimeOffset at)
    {
        var text = Close("cancel", reason, at);
        State = ClockState.Cancelled;
        CancelledAt = at.ToUniversalTime();
        Outcome = text;
        ClosedByUserId = by;
        Finish();
    }

    /// <summary>Forgets the engine's claim once the clock has been handled.</summary>
    public void ReleaseClaim()
    {
        ClaimOwner = null;
        ClaimExpiresAt = null;
    }

    private string Close(string move, string text, DateTimeOffset at)
    {
        if (!IsRunning)
        {
            throw NotAllowed(move);
        }

        if (at >= DueAt)
        {
            throw new DomainRuleViolationException("clock.overdue", "The clock is past its due time; the breach stands and is escalated.");
        }

        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is 0 or > OutcomeMaxLength
            ? throw new DomainRuleViolationException("clock.outcome", $"Say what was done, in 1–{OutcomeMaxLength} characters.")
            : trimmed;
    }

    private void Finish()
    {
        NextFireAt = null;
        Version++;
    }

    private DomainRuleViolationException NotAllowed(string move) => new(
        $"clock.already-{StableName.Of(State)}",
        $"Cannot {move} a clock that is {StableName.Of(State)}.");
}
