using Lianhu.Domain.Common;

namespace Lianhu.Domain.Linkage;

/// <summary>An agency's outbound webhook: where its events go and the secret they are signed with.</summary>
public sealed class AgencyWebhook
{
    private AgencyWebhook()
    {
        Url = string.Empty;
        Secret = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Url { get; private set; }

    /// <summary>HMAC-SHA256 key; encrypted at rest.</summary>
    public string Secret { get; private set; }

    public bool Active { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static AgencyWebhook Create(Guid id, Guid agencyId, string url, string secret, DateTimeOffset now)
    {
        var hook = new AgencyWebhook { Id = id, AgencyId = agencyId };
        hook.Set(url, secret, now);
        return hook;
    }

    public void Set(string url, string secret, DateTimeOffset now)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url!.Length > 500)
        {
            throw new DomainRuleViolationException("webhook.url", "A webhook needs an absolute http(s) URL.");
        }

        if (secret is not { Length: >= 16 and <= 200 })
        {
            throw new DomainRuleViolationException("webhook.secret", "A webhook secret has 16 to 200 characters.");
        }

        Url = uri.ToString();
        Secret = secret;
        Active = true;
        UpdatedAt = now;
    }
}

public enum OutboxStatus
{
    Pending,
    Delivered,
}

/// <summary>
/// One event for one agency's webhook, written in the same transaction as the change it reports.
/// Delivered at least once: retried with exponential backoff until the receiver answers 2xx; the
/// <see cref="Id"/> is the event id receivers de-duplicate on. Carries ids only.
/// </summary>
public sealed class OutboxEvent
{
    public const int ErrorMaxLength = 100;

    private OutboxEvent()
    {
        Kind = string.Empty;
        PayloadJson = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string Kind { get; private set; }

    /// <summary>The JSON body sent (event id, kind, ids, time): no case content.</summary>
    public string PayloadJson { get; private set; }

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>Why the last attempt failed: an HTTP status or an exception type, never a body.</summary>
    public string? LastError { get; private set; }

    public int Version { get; private set; }

    public static OutboxEvent Create(Guid id, Guid agencyId, string kind, string payloadJson, DateTimeOffset now) => new()
    {
        Id = id,
        AgencyId = agencyId,
        Kind = kind,
        PayloadJson = payloadJson,
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
        Version = 1,
    };

    public void Delivered(DateTimeOffset at)
    {
        if (Status != OutboxStatus.Pending)
        {
            throw new DomainRuleViolationException("outbox.delivered", "The event was already delivered.");
        }

        Attempts++;
        Status = OutboxStatus.Delivered;
        DeliveredAt = at;
        LastError = null;
        Version++;
    }

    /// <summary>An administrator's "retry now": an event whose last attempt failed is due again at once.</summary>
    public void RetryNow(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Pending || LastError is null)
        {
            throw new DomainRuleViolationException("notification.not-retryable", "Only a failed notification can be retried.");
        }

        NextAttemptAt = now;
        Version++;
    }

    /// <summary>Schedules the next attempt: base × 2^(attempts−1), capped.</summary>
    public void Failed(string error, DateTimeOffset at, TimeSpan backoffBase, TimeSpan backoffMax)
    {
        if (Status != OutboxStatus.Pending)
        {
            throw new DomainRuleViolationException("outbox.delivered", "The event was already delivered.");
        }

        Attempts++;
        var delay = TimeSpan.FromTicks(Math.Min(backoffMax.Ticks, backoffBase.Ticks * (1L << Math.Min(Attempts - 1, 30))));
        NextAttemptAt = at + delay;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        Version++;
    }
}
