using System.Diagnostics.CodeAnalysis;

namespace Lianhu.Domain.People;

/// <summary>
/// A PRC citizen identity number (公民身份号码, GB 11643-1999), always held in its 18-character
/// form with an upper-case X. Legacy 15-digit input is upgraded on parsing.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is masked so that an ID never lands whole in a log line; persist and
/// compare <see cref="Value"/>. Equality ignores <see cref="IsLegacyInput"/>: the same person
/// typed in either form is the same number.
/// </remarks>
public readonly record struct ResidentIdNumber
{
    private readonly string? _value;

    internal ResidentIdNumber(string value, DateOnly birthDate, Sex sex, bool isLegacyInput)
    {
        _value = value;
        BirthDate = birthDate;
        Sex = sex;
        IsLegacyInput = isLegacyInput;
    }

    /// <summary>The normalised 18-character number.</summary>
    public string Value => _value ?? string.Empty;

    public DateOnly BirthDate { get; }

    /// <summary>From the parity of the sequence code: odd is male, even is female.</summary>
    public Sex Sex { get; }

    /// <summary>The 6-digit address code of first registration (not the current address).</summary>
    public string AreaCode => Value.Length == 18 ? Value[..6] : string.Empty;

    /// <summary>True when the number was entered in the pre-1999 15-digit form.</summary>
    public bool IsLegacyInput { get; }

    public static bool TryParse(
        string? input,
        DateOnly today,
        out ResidentIdNumber result,
        [NotNullWhen(false)] out string? errorCode) =>
        TryParse(input, today, out result, out errorCode, out _);

    /// <param name="expectedCheckCharacter">
    /// On <see cref="ResidentIdErrorCodes.CheckDigit"/>, the character the first 17 digits call
    /// for, so a message can say what was expected.
    /// </param>
    public static bool TryParse(
        string? input,
        DateOnly today,
        out ResidentIdNumber result,
        [NotNullWhen(false)] out string? errorCode,
        out char? expectedCheckCharacter) =>
        ResidentIdNumberParser.TryParse(input, today, out result, out errorCode, out expectedCheckCharacter);

    /// <summary>Parses against today's date in China Standard Time.</summary>
    public static bool TryParse(
        string? input,
        TimeProvider clock,
        out ResidentIdNumber result,
        [NotNullWhen(false)] out string? errorCode) =>
        TryParse(input, ChinaStandardTime.Today(clock), out result, out errorCode);

    /// <exception cref="InvalidIdentityValueException">The input is not a valid number.</exception>
    public static ResidentIdNumber Parse(string input, DateOnly today)
    {
        if (TryParse(input, today, out var result, out var code, out var expected))
        {
            return result;
        }

        var message = expected is { } c
            ? $"The resident ID number's check character does not match; the first 17 digits call for '{c}'."
            : $"The resident ID number is not valid ({code}).";
        throw new InvalidIdentityValueException(code, message);
    }

    /// <exception cref="InvalidIdentityValueException">The input is not a valid number.</exception>
    public static ResidentIdNumber Parse(string input, TimeProvider clock) =>
        Parse(input, ChinaStandardTime.Today(clock));

    public bool Equals(ResidentIdNumber other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Masks a stored 18-character number for the screen ("110105********002X"); anything else is masked whole.</summary>
    public static string Mask(string value) =>
        value.Length == 18 ? string.Concat(value.AsSpan(0, 6), "********", value.AsSpan(14)) : new string('*', value.Length);

    /// <summary>Masked: address code and last four kept, birth date hidden ("110105********002X").</summary>
    public override string ToString() =>
        Value.Length == 18 ? string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14)) : string.Empty;
}
