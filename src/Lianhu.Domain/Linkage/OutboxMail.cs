using Lianhu.Domain.Common;

namespace Lianhu.Domain.Linkage;

public enum MailStatus
{
    /// <summary>Staged, not yet tried.</summary>
    Pending,

    Sent,

    /// <summary>The last attempt failed; another is scheduled at <see cref="OutboxMail.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Gave up after the maximum number of attempts; only an administrator's retry revives it.</summary>
    Dead,
}

/// <summary>
/// One notification e-mail to one agency's duty mailbox, staged in the same transaction as the
/// change it reports and sent by the mail dispatcher. It holds ids only (kind, case, subject): the
/// address is looked up when sending and the text is rendered then, so nothing about a victim is
/// ever stored or sent. Retried with exponential backoff; dead after the configured attempts.
/// </summary>
public sealed class OutboxMail
{
    public const int ErrorMaxLength = 100;

    private OutboxMail()
    {
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>The inbox signal kind (<c>task.new</c>, <c>task.declined</c>, <c>clock.breached</c>, …).</summary>
    public string Kind { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The task, conference or clock the mail is about.</summary>
    public Guid SubjectId { get; private set; }

    public MailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Why the last attempt failed: an SMTP status or an exception type, never a message text.</summary>
    public string? LastError { get; private set; }

    public int Version { get; private set; }

    public bool IsDue(DateTimeOffset now) => Status is MailStatus.Pending or MailStatus.Failed && NextAttemptAt <= now;

    public static OutboxMail Create(Guid id, Guid agencyId, string kind, Guid caseId, Guid subjectId, DateTimeOffset now) => new()
    {
        Id = id,
        AgencyId = agencyId,
        Kind = kind,
        CaseId = caseId,
        SubjectId = subjectId,
        Status = MailStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
        Version = 1,
    };

    public void Sent(DateTimeOffset at)
    {
        EnsureOpen();
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = at;
        LastError = null;
        Version++;
    }

    /// <summary>Records a failed attempt: dead at <paramref name="maxAttempts"/>, else retried after base × 2^(attempts−1), capped.</summary>
    public void Failed(string error, DateTimeOffset at, int maxAttempts, TimeSpan backoffBase, TimeSpan backoffMax)
    {
        EnsureOpen();
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        if (Attempts >= maxAttempts)
        {
            Status = MailStatus.Dead;
        }
        else
        {
            Status = MailStatus.Failed;
            NextAttemptAt = at + TimeSpan.FromTicks(Math.Min(backoffMax.Ticks, backoffBase.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        }

        Version++;
    }

    /// <summary>An administrator's "retry now": a failed or dead mail is due again at once (one more attempt for a dead one).</summary>
    public void RetryNow(DateTimeOffset now)
    {
        if (Status is not (MailStatus.Failed or MailStatus.Dead))
        {
            throw new DomainRuleViolationException("notification.not-retryable", "Only a failed or dead notification can be retried.");
        }

        Status = MailStatus.Failed;
        NextAttemptAt = now;
        Version++;
    }

    private void EnsureOpen()
    {
        if (Status is MailStatus.Sent or MailStatus.Dead)
        {
            throw new DomainRuleViolationException("outbox.closed", "The mail was already sent or given up.");
        }
    }
}
