using System.Globalization;
using System.Text;

namespace Lianhu.Domain.People;

/// <summary>
/// Validation in the order a person can act on: shape (characters, length), then the meaning of
/// each field (area, birth date), and last the check character, which only says "a typo
/// somewhere" once everything else looks right.
/// </summary>
internal static class ResidentIdNumberParser
{
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static bool TryParse(
        string? input,
        DateOnly today,
        out ResidentIdNumber result,
        out string? errorCode,
        out char? expectedCheckCharacter)
    {
        result = default;
        expectedCheckCharacter = null;
        var compact = Compact(input);
        var isLegacy = compact.Length == 15;

        errorCode = CheckShape(compact, isLegacy);
        if (errorCode is not null)
        {
            return false;
        }

        if (!ProvinceCodes.IsValidAreaCode(compact.AsSpan(0, 6)))
        {
            errorCode = ResidentIdErrorCodes.Area;
            return false;
        }

        // Legacy numbers were issued before 1999 and carry a two-digit year of the 1900s.
        var first17 = isLegacy ? string.Concat(compact.AsSpan(0, 6), "19", compact.AsSpan(6)) : compact[..17];
        if (!TryReadBirthDate(first17.AsSpan(6, 8), today, out var birthDate))
        {
            errorCode = ResidentIdErrorCodes.BirthDate;
            return false;
        }

        var check = ResidentIdCheckCharacter.Compute(first17);
        if (!isLegacy && compact[17] != check)
        {
            errorCode = ResidentIdErrorCodes.CheckDigit;
            expectedCheckCharacter = check;
            return false;
        }

        var sex = (first17[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        result = new ResidentIdNumber(first17 + check, birthDate, sex, isLegacy);
        return true;
    }

    private static string? CheckShape(string compact, bool isLegacy)
    {
        if (!HasOnlyIdCharacters(compact))
        {
            return ResidentIdErrorCodes.Characters;
        }

        if (compact.Length is not (15 or 18))
        {
            return ResidentIdErrorCodes.Length;
        }

        // X stands for the check value 10, so it can only be the 18th character.
        return compact.AsSpan(0, isLegacy ? 15 : 17).Contains('X') ? ResidentIdErrorCodes.Characters : null;
    }

    /// <summary>Drops whitespace, folds full-width forms and upper-cases x.</summary>
    private static string Compact(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(input.Length);
        foreach (var raw in input)
        {
            var c = FullWidth.ToHalfWidth(raw);
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c == 'x' ? 'X' : c);
            }
        }

        return builder.ToString();
    }

    private static bool HasOnlyIdCharacters(string compact)
    {
        foreach (var c in compact)
        {
            if (!char.IsAsciiDigit(c) && c != 'X')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadBirthDate(ReadOnlySpan<char> yyyymmdd, DateOnly today, out DateOnly birthDate) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
        && birthDate >= EarliestBirthDate
        && birthDate <= today;
}
