using System.Security.Cryptography;
using Lianhu.Domain.Alarms;
using Lianhu.Web.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The secrets of an alarm link: the token in the link (256 random bits, base64url; stored only as a
/// keyed hash, so a copy of the database opens no link), her PIN (4–6 digits, stored only as Identity's
/// slow PBKDF2 hash), and the cookie a right PIN leaves on her phone's browser (data-protected, bound to
/// the enrolment, scoped to the link's path, with an expiry).
/// </summary>
public sealed class AlarmSecrets(FieldCipher cipher, IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "n_s";
    private const string TokenPurpose = "alarm.token";
    private static readonly PasswordHasher<AlarmEnrolment> Pins = new();
    private readonly IDataProtector unlocks = protection.CreateProtector("Lianhu.Alarms.Unlock");

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The keyed hash a token is found by; null for anything that cannot be a token (no lookup then).</summary>
    public string? HashOf(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? cipher.BlindIndex(token, TokenPurpose) : null;

    public static bool IsPinShaped(string? pin) => pin is { Length: >= 4 and <= 6 } && pin.All(char.IsAsciiDigit);

    public static string HashPin(AlarmEnrolment enrolment, string pin) => Pins.HashPassword(enrolment, pin);

    public static bool PinMatches(AlarmEnrolment enrolment, string? pin) =>
        IsPinShaped(pin) && enrolment.PinHash is { } hash && Pins.VerifyHashedPassword(enrolment, hash, pin!) != PasswordVerificationResult.Failed;

    public string UnlockCookie(AlarmEnrolment enrolment, TimeSpan lifetime) =>
        unlocks.Protect($"{enrolment.Id:N}|{(time.GetUtcNow() + lifetime).ToUnixTimeSeconds()}");

    public bool IsUnlocked(AlarmEnrolment enrolment, string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        try
        {
            var parts = unlocks.Unprotect(cookie).Split('|');
            return parts.Length == 2 && parts[0] == enrolment.Id.ToString("N")
                && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var expires) && expires > time.GetUtcNow().ToUnixTimeSeconds();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
