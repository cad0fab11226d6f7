namespace Lianhu.Web.Data;

/// <summary>
/// What every receipt a person holds without an account has (ADR 0033, 0036): the code she reads
/// aloud, a keyed MAC of her secret (never the secret), and the lock that wrong secrets set. A
/// self-report and a handed-off question are both read with one.
/// </summary>
public abstract class ReceiptRecord
{
    public const int ReceiptLength = 8;

    /// <summary>Eight characters of an unambiguous alphabet, unique; shown to her once with the secret.</summary>
    public string ReceiptCode { get; protected set; } = string.Empty;

    /// <summary><c>FieldCipher.Mac</c> of the receipt code and secret (key id and HMAC).</summary>
    public string SecretMac { get; protected set; } = string.Empty;

    /// <summary>Wrong secrets since the last right one or the last lock.</summary>
    public int FailedAttempts { get; private set; }

    /// <summary>Until when reads of this receipt answer "no match" whatever the secret.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Counts a wrong secret; the <paramref name="limit"/>-th locks the receipt for <paramref name="lockFor"/>.</summary>
    public void WrongSecret(int limit, TimeSpan lockFor, DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= limit)
        {
            LockedUntil = now + lockFor;
            FailedAttempts = 0;
        }
    }

    public void RightSecret() => FailedAttempts = 0;
}
