namespace Lianhu.Web.Data;

/// <summary>
/// What the public door keeps of a person's own report beside its case (ADR 0033): the receipt code she
/// checks the status with, a keyed MAC of her secret (never the secret), how and when it is safe to
/// contact her (encrypted), and the lock that wrong secrets set on the receipt.
/// </summary>
public sealed class SelfReportRecord : ReceiptRecord
{
    public const int SafeTimesMaxLength = 200;
    public const int DetailsMaxLength = 4000;

    private SelfReportRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The mobile she left (encrypted); null when she left none.</summary>
    public string? ContactPhone { get; private set; }

    /// <summary>"Text messages only, do not call."</summary>
    public bool MessageOnly { get; private set; }

    /// <summary>When it is safe to contact her, in her words (encrypted).</summary>
    public string? SafeTimes { get; private set; }

    /// <summary>Anything else she chose to tell (encrypted).</summary>
    public string? Details { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static SelfReportRecord Create(
        Guid id, Guid caseId, string receiptCode, string secretMac, string? phone, bool messageOnly, string? safeTimes, string? details, DateTimeOffset at) => new()
        {
            Id = id,
            CaseId = caseId,
            ReceiptCode = receiptCode,
            SecretMac = secretMac,
            ContactPhone = phone,
            MessageOnly = messageOnly,
            SafeTimes = safeTimes,
            Details = details,
            CreatedAt = at,
        };
}
