using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// Opens a receipt with the secret she typed, the same way for every kind of receipt: an unknown
/// code, a locked receipt and a wrong secret are all a miss after the same work (a decoy MAC is
/// checked when no receipt matched); a wrong secret counts towards the lock. The caller saves.
/// </summary>
public sealed class ReceiptCheck(FieldCipher cipher, TimeProvider time, IOptions<HelpOptions> options)
{
    /// <summary>A MAC in the stored form, checked when no receipt matched so that a miss costs what a hit costs.</summary>
    private static readonly string Decoy = "0:" + new string('0', 64);

    /// <param name="Record">The receipt, when the secret was right and it is not locked.</param>
    /// <param name="Changed">Whether the record changed (a wrong secret counted, or the count reset): save it.</param>
    /// <param name="Locked">The receipt this wrong secret just locked (for the audit trail).</param>
    public sealed record Opened<T>(T? Record, bool Changed, T? Locked)
        where T : ReceiptRecord;

    public async Task<Opened<T>> OpenAsync<T>(IQueryable<T> receipts, string? receipt, string? secret, CancellationToken ct)
        where T : ReceiptRecord
    {
        var code = ReceiptCodes.Normalise(receipt);
        var typed = ReceiptCodes.Normalise(secret);
        var now = time.GetUtcNow();
        var record = code.Length == ReceiptRecord.ReceiptLength ? await receipts.SingleOrDefaultAsync(r => r.ReceiptCode == code, ct) : null;
        var right = cipher.VerifyMac(ReceiptCodes.MacContent(code, typed), ReceiptCodes.SecretPurpose, record?.SecretMac ?? Decoy);
        if (record is null || record.IsLocked(now))
        {
            return new(null, false, null);
        }

        if (!right)
        {
            record.WrongSecret(options.Value.MaxWrongSecrets, TimeSpan.FromMinutes(options.Value.LockMinutes), now);
            return new(null, true, record.IsLocked(now) ? record : null);
        }

        var changed = record.FailedAttempts > 0;
        if (changed)
        {
            record.RightSecret();
        }

        return new(record, changed, null);
    }
}
