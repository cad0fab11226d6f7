using System.Net.Mail;

namespace Lianhu.Domain.Common;

/// <summary>A plain e-mail address (no display name), at most <see cref="MaxLength"/> characters.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trims; null or blank means "none" (null). Returns false for anything that is not one bare address.</summary>
    public static bool TryNormalize(string? text, out string? address)
    {
        address = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (address is null)
        {
            return true;
        }

        return address.Length <= MaxLength
            && MailAddress.TryCreate(address, out var parsed)
            && string.Equals(parsed.Address, address, StringComparison.Ordinal)
            && parsed.DisplayName.Length == 0;
    }
}
