using System.Globalization;

namespace Lianhu.Domain.Common;

/// <summary>
/// Reads a calendar day as people in China write it: <c>2026-09-01</c>, <c>2026/9/1</c>,
/// <c>2026.9.1</c>, <c>2026年9月1日</c> (full-width digits too) or <c>20260901</c>.
/// </summary>
public static class ChineseDates
{
    public static bool TryParseDay(string? text, out DateOnly day)
    {
        day = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var folded = text.Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace("日", string.Empty, StringComparison.Ordinal).Replace("号", string.Empty, StringComparison.Ordinal);
        if (folded.Length == 8 && folded.All(char.IsAsciiDigit))
        {
            return DateOnly.TryParseExact(folded, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
        }

        var parts = folded.Split(['-', '/', '.', '年', '月'], StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)) || parts[0].Length != 4 || parts[1].Length > 2 || parts[2].Length > 2)
        {
            return false;
        }

        var (year, month, date) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
        if (year < 1 || month is < 1 or > 12 || date < 1 || date > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, date);
        return true;
    }
}
