namespace Lianhu.Domain.People;

/// <summary>
/// The ISO 7064 MOD 11-2 check character of GB 11643-1999: a weighted sum of the first 17
/// digits, modulo 11, mapped to 1 0 X 9 8 7 6 5 4 3 2. Because 11 is prime and no weight is
/// a multiple of 11, every single-digit substitution changes the result.
/// </summary>
public static class ResidentIdCheckCharacter
{
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private const string CheckCharacters = "10X98765432";

    /// <summary>Computes the 18th character from the first 17 ASCII digits.</summary>
    public static char Compute(ReadOnlySpan<char> first17Digits)
    {
        if (first17Digits.Length != 17)
        {
            throw new ArgumentException("Exactly 17 digits are needed.", nameof(first17Digits));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = first17Digits[i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException("Only ASCII digits are allowed.", nameof(first17Digits));
            }

            sum += digit * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
