using System.Security.Cryptography;
using Lianhu.Web.Data;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// Receipt codes and secrets a person can read aloud and copy by hand: an alphabet without 0/O, 1/I/L
/// (31 letters and digits, almost 5 bits each). A code is 8 characters (39 bits, unique by index); a secret
/// 10 (49 bits), shown as two groups of five, stored only as a keyed MAC.
/// </summary>
public static class ReceiptCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int SecretLength = 10;

    /// <summary>The MAC purpose the secret is hashed under (with the receipt code).</summary>
    public const string SecretPurpose = "help.receipt-secret";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, ReceiptRecord.ReceiptLength);

    public static string NewSecret() => RandomNumberGenerator.GetString(Alphabet, SecretLength);

    /// <summary>The secret as shown: two groups of five.</summary>
    public static string Display(string secret) => secret.Length == SecretLength ? $"{secret[..5]}-{secret[5..]}" : secret;

    /// <summary>What she typed, as stored: upper case, spaces and dashes dropped, look-alikes read as the letter meant (O→0 is not in the alphabet, so O stays wrong).</summary>
    public static string Normalise(string? typed) =>
        new((typed ?? string.Empty).ToUpperInvariant().Where(c => c is not (' ' or '-' or '\u3000' or '－')).Take(40).ToArray());

    /// <summary>The content the secret's MAC covers: the code binds the secret to its receipt.</summary>
    public static string MacContent(string code, string secret) => $"{code}\n{secret}";
}
