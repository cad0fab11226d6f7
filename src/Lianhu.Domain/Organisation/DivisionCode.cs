namespace Lianhu.Domain.Organisation;

/// <summary>
/// An administrative division code. City and district codes are the 6-digit GB/T 2260 codes
/// (440300 深圳市, 440306 宝安区); towns/streets add 3 digits and communities/villages 3 more
/// (the statistical division codes: 440306001, 440306001001). The tier follows from the code,
/// and so does containment: a division contains every code that starts with its
/// <see cref="ScopePrefix"/>.
/// </summary>
public readonly record struct DivisionCode
{
    private DivisionCode(string value, Tier tier)
    {
        Value = value;
        Tier = tier;
    }

    public string Value { get; }

    public Tier Tier { get; }

    /// <summary>
    /// The prefix every code inside this division starts with: 4 digits for a city (its 6-digit
    /// code ends in 00), 6 for a district, 9 for a town, the full 12 for a community.
    /// </summary>
    public string ScopePrefix => Tier switch
    {
        Tier.City => Value[..4],
        Tier.District => Value,
        Tier.Town => Value,
        _ => Value,
    };

    public static bool TryParse(string? text, out DivisionCode code, out string errorCode)
    {
        code = default;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0 || !value.All(char.IsAsciiDigit))
        {
            errorCode = "division.format";
            return false;
        }

        Tier? tier = value.Length switch
        {
            6 when value.EndsWith("00", StringComparison.Ordinal) && !value.EndsWith("0000", StringComparison.Ordinal) => Tier.City,
            6 when !value.EndsWith("00", StringComparison.Ordinal) => Tier.District,
            9 when !value.EndsWith("000", StringComparison.Ordinal) => Tier.Town,
            12 when !value.EndsWith("000", StringComparison.Ordinal) => Tier.Community,
            _ => null,
        };
        if (tier is null || value[..2] is "00")
        {
            errorCode = "division.format";
            return false;
        }

        code = new DivisionCode(value, tier.Value);
        errorCode = string.Empty;
        return true;
    }

    public static DivisionCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException($"Invalid division code ({error}).");

    /// <summary>The code of the division directly above, or null for a city.</summary>
    public DivisionCode? Parent => Tier switch
    {
        Tier.Community => Parse(Value[..9]),
        Tier.Town => Parse(Value[..6]),
        Tier.District => Parse(Value[..4] + "00"),
        _ => null,
    };

    public bool Contains(DivisionCode other) => other.Value.StartsWith(ScopePrefix, StringComparison.Ordinal) && other.Tier >= Tier;

    public override string ToString() => Value;
}
