namespace Lianhu.Domain.Legal;

/// <summary>received → accepted → issued | rejected; an issued order may be revoked. Expiry is a date, not a state.</summary>
public enum ProtectionOrderStatus
{
    Received,
    Accepted,
    Issued,
    Rejected,
    Revoked,
}
