namespace Lianhu.Domain.People;

/// <summary>
/// Province-level address codes (first two digits, GB/T 2260) that appear in resident ID
/// numbers. 71 (Taiwan) is in GB/T 2260 but no resident ID is issued with it; Taiwan, Hong Kong
/// and Macao residents hold residence permits numbered under the same standard with the fixed
/// address codes 830000, 810000 and 820000. Numbers starting with 9 are foreigners' permanent
/// residence IDs (2023 version), a different document. See ADR 0007.
/// </summary>
internal static class ProvinceCodes
{
    private static readonly HashSet<int> Mainland =
    [
        11, 12, 13, 14, 15,
        21, 22, 23,
        31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54,
        61, 62, 63, 64, 65,
    ];

    /// <summary>Hong Kong, Macao, Taiwan residence permits: only the whole code X10000 is issued.</summary>
    private static readonly HashSet<string> ResidencePermitAreas = ["810000", "820000", "830000"];

    public static bool IsValidAreaCode(ReadOnlySpan<char> sixDigits)
    {
        var province = ((sixDigits[0] - '0') * 10) + (sixDigits[1] - '0');
        return Mainland.Contains(province)
            || ResidencePermitAreas.Contains(sixDigits.ToString());
    }
}
