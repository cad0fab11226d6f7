using System.Globalization;

namespace Lianhu.Domain.Instruments;

/// <summary>Scores are decimals; 14 must print as "14", never "14.0", in text and JSON alike.</summary>
public static class ScoreFormat
{
    /// <summary>Removes trailing zeros: 14.0m becomes 14m, 2.50m becomes 2.5m (same value, smallest scale).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Number of decimal places a value really needs (1.50 → 1).</summary>
    public static int DecimalPlaces(decimal value) => Normalize(value).Scale;
}
