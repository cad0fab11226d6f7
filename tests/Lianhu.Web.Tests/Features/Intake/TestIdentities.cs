namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>Valid-looking identity values for tests, random enough that test cases sharing a database never link by accident.</summary>
internal static class TestIdentities
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>An 18-digit resident ID with a correct check character (GB 11643).</summary>
    public static string IdNumber(DateOnly birth, bool female = false, string area = "440306")
    {
        var sequence = Random.Shared.Next(0, 50) * 2 + (female ? 0 : 1);
        var body = $"{area}{birth:yyyyMMdd}{Random.Shared.Next(10, 99)}{sequence % 10}";
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(string first17) =>
        CheckCharacters[first17.Select((c, i) => (c - '0') * Weights[i]).Sum() % 11];

    /// <summary>The same number with its last character replaced by a wrong one; returns the expected one too.</summary>
    public static (string Wrong, char Expected) WithWrongCheck(string id)
    {
        var expected = id[17];
        var wrong = CheckCharacters.First(c => c != expected);
        return (id[..17] + wrong, expected);
    }

    /// <summary>A 15-digit pre-1999 number (year 19YY) and its 18-digit form.</summary>
    public static (string Legacy, string Upgraded) Legacy(DateOnly birth, string area = "440306")
    {
        var legacy = $"{area}{birth:yyMMdd}{Random.Shared.Next(100, 999)}";
        var body = legacy[..6] + "19" + legacy[6..];
        return (legacy, body + CheckCharacter(body));
    }

    public static string Mobile() => $"139{Random.Shared.Next(10000000, 99999999)}";

    public static DateOnly BirthDate() => new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 365 * 35));
}
