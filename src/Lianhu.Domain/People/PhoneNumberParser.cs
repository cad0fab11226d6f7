using System.Globalization;
using System.Text;

namespace Lianhu.Domain.People;

internal static class PhoneNumberParser
{
    public static bool TryParse(string? input, out PhoneNumber result, out string? errorCode)
    {
        result = default;
        if (!TryCompact(input, out var compact))
        {
            errorCode = PhoneErrorCodes.Characters;
            return false;
        }

        errorCode = ToNational(compact, out var national);
        if (errorCode is not null)
        {
            return false;
        }

        errorCode = national[0] == '1' ? CheckMobile(national) : CheckLandline(national);
        if (errorCode is not null)
        {
            return false;
        }

        result = new PhoneNumber(national, national[0] == '1' ? PhoneNumberKind.Mobile : PhoneNumberKind.Landline);
        return true;
    }

    /// <summary>Keeps digits and one leading +; drops spaces, dashes and parentheses.</summary>
    private static bool TryCompact(string? input, out string compact)
    {
        var builder = new StringBuilder(input?.Length ?? 0);
        foreach (var raw in input ?? string.Empty)
        {
            var c = FullWidth.ToHalfWidth(raw);
            if (char.IsAsciiDigit(c) || (c == '+' && builder.Length == 0))
            {
                builder.Append(c);
            }
            else if (!IsSeparator(c))
            {
                compact = string.Empty;
                return false;
            }
        }

        compact = builder.ToString();
        return true;
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c)
        || c is '(' or ')'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    /// <summary>Removes the country code, putting back the trunk 0 a landline loses with it.</summary>
    private static string? ToNational(string compact, out string national)
    {
        national = compact;
        var hasCountryCode = true;
        if (compact.StartsWith("+86", StringComparison.Ordinal))
        {
            national = compact[3..];
        }
        else if (compact.StartsWith("0086", StringComparison.Ordinal))
        {
            national = compact[4..];
        }
        else if (compact.StartsWith('+') || compact.StartsWith("00", StringComparison.Ordinal))
        {
            return PhoneErrorCodes.Prefix;
        }
        else if (compact.Length == 13 && compact.StartsWith("861", StringComparison.Ordinal))
        {
            // A bare 86 is only unambiguous in front of a full mobile number.
            national = compact[2..];
        }
        else
        {
            hasCountryCode = false;
        }

        if (national.Length == 0)
        {
            return PhoneErrorCodes.Length;
        }

        if (hasCountryCode && national[0] != '0' && !IsMobileShaped(national))
        {
            national = "0" + national;
        }

        return national[0] is '0' or '1' ? null : PhoneErrorCodes.Prefix;
    }

    /// <summary>After +86, "10…" is Beijing's area code unless the digits make a mobile.</summary>
    private static bool IsMobileShaped(string national) =>
        national[0] == '1' && (national.Length == 11 || national[1] != '0');

    private static string? CheckMobile(string national)
    {
        if (national.Length != 11)
        {
            return PhoneErrorCodes.Length;
        }

        return national[1] is >= '3' and <= '9' ? null : PhoneErrorCodes.Prefix;
    }

    /// <summary>
    /// Area codes 010 and 02X (the largest cities) take 8-digit subscriber numbers; three-digit
    /// area codes 03X–09X take 7 or 8. The subscriber's first digit is not checked: real ones
    /// never start with 0 or 1, but refusing a number a worker copied from a form costs more
    /// than storing a malformed one, and the widely used sample 0755-12345678 would fail.
    /// </summary>
    private static string? CheckLandline(string national)
    {
        if (national.Length < 2)
        {
            return PhoneErrorCodes.Length;
        }

        int areaLength;
        if (national[1] == '2' || national.StartsWith("010", StringComparison.Ordinal))
        {
            areaLength = 3;
        }
        else if (national[1] is >= '3' and <= '9')
        {
            areaLength = 4;
        }
        else
        {
            return PhoneErrorCodes.Prefix;
        }

        var subscriberLength = national.Length - areaLength;
        var lengthOk = areaLength == 3 ? subscriberLength == 8 : subscriberLength is 7 or 8;
        return lengthOk ? null : PhoneErrorCodes.Length;
    }
}
