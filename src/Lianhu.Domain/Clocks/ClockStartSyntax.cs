using System.Globalization;
using System.Text.RegularExpressions;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// The accepted spellings of a start. Exact patterns only: the lenient BCL parsers would read a
/// text without an offset in the server's time zone, which is precisely the bug to avoid.
/// </summary>
internal static partial class ClockStartSyntax
{
    public static bool TryParse(string? text, out ClockStart start)
    {
        start = default;
        var match = text is null ? null : StartPattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }

        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var day))
        {
            return false;
        }

        if (!match.Groups["time"].Success)
        {
            start = ClockStart.OnDay(day);
            return true;
        }

        if (!TimeOnly.TryParseExact(match.Groups["time"].Value, ["HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        var wallClock = day.ToDateTime(time);
        if (!match.Groups["offset"].Success)
        {
            start = ClockStart.At(ShanghaiTime.AtLocal(wallClock));
            return true;
        }

        if (!TryParseOffset(match.Groups["offset"].Value, out var offset))
        {
            return false;
        }

        start = ClockStart.At(new DateTimeOffset(wallClock, offset));
        return true;
    }

    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z")
        {
            return true;
        }

        var hours = int.Parse(text.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    [GeneratedRegex(
        @"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?<offset>[Zz]|[+-]\d{2}:\d{2})?)?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StartPattern();
}
