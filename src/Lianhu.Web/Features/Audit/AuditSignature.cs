using Lianhu.Domain.Access;
using Lianhu.Web.Security;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Keyed MACs for audit events and the chain's anchor, under keys derived from the field-encryption
/// key ring (never from anything in the database), so neither can be forged from the database and
/// the anchor's directory alone (ADR 0023).
/// </summary>
public sealed class AuditSignature(FieldCipher cipher)
{
    public const string EventPurpose = "audit.event";
    public const string AnchorPurpose = "audit.anchor";

    /// <summary>Gives a newly written event its MAC.</summary>
    public void Sign(AuditEvent e) => e.Authenticate(cipher.Mac(AuditChain.ContentOf(e), EventPurpose));

    /// <summary>True when the event carries a MAC this key ring made over its present content.</summary>
    public bool IsValid(AuditEvent e) => e.Mac is not null && cipher.VerifyMac(AuditChain.ContentOf(e), EventPurpose, e.Mac);

    public string SignAnchor(string content) => cipher.Mac(content, AnchorPurpose);

    public bool IsValidAnchor(string content, string? mac) => cipher.VerifyMac(content, AnchorPurpose, mac);
}
