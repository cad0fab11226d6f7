using System.Diagnostics.CodeAnalysis;

namespace Lianhu.Domain.People;

/// <summary>
/// A mainland China phone number: an 11-digit mobile (1[3-9]…) or a fixed line with its area
/// code (0 + 2–3 digits + 7–8 digits).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> is masked: a victim's number is exactly what must not leak into logs.
/// Persist <see cref="E164"/>.
/// </remarks>
public readonly record struct PhoneNumber
{
    private readonly string? _national;

    internal PhoneNumber(string national, PhoneNumberKind kind)
    {
        _national = national;
        Kind = kind;
    }

    /// <summary>
    /// The number as dialled inside mainland China: 11 digits for a mobile, the trunk 0 and
    /// area code followed by the subscriber number for a landline ("075512345678").
    /// </summary>
    public string National => _national ?? string.Empty;

    /// <summary>International form without separators: +86 and the national number minus its trunk 0.</summary>
    public string E164 => National.Length == 0 ? string.Empty : "+86" + National.TrimStart('0');

    public PhoneNumberKind Kind { get; }

    public static bool TryParse(string? input, out PhoneNumber result, [NotNullWhen(false)] out string? errorCode) =>
        PhoneNumberParser.TryParse(input, out result, out errorCode);

    /// <exception cref="InvalidIdentityValueException">The input is not a valid number.</exception>
    public static PhoneNumber Parse(string input) =>
        TryParse(input, out var result, out var code)
            ? result
            : throw new InvalidIdentityValueException(code, $"The phone number is not valid ({code}).");

    /// <summary>
    /// As people in China write it: a mobile in groups of 3-4-4 ("138 0013 8000"), a landline as the
    /// area code with its trunk 0 and the subscriber number in two groups ("0755 8888 1234", "010 6552 9988").
    /// </summary>
    public string Display
    {
        get
        {
            var n = National;
            if (Kind == PhoneNumberKind.Mobile && n.Length == 11)
            {
                return $"{n[..3]} {n[3..7]} {n[7..]}";
            }

            if (n.Length < 10)
            {
                return n;
            }

            var area = n[1] is '1' or '2' ? 3 : 4;
            var subscriber = n[area..];
            var split = subscriber.Length - 4;
            return $"{n[..area]} {subscriber[..split]} {subscriber[split..]}";
        }
    }

    /// <summary>Masked: first three and last four digits of the national number ("138****8000").</summary>
    public override string ToString() =>
        National.Length == 0
            ? string.Empty
            : string.Concat(National.AsSpan(0, 3), new string('*', National.Length - 7), National.AsSpan(National.Length - 4));
}
