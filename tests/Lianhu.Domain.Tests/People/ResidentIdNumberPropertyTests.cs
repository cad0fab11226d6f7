using System.Globalization;
using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

/// <summary>
/// Property-style checks over many generated numbers (fixed seed, so a failure reproduces).
/// </summary>
public class ResidentIdNumberPropertyTests
{
    private const int Samples = 2_000;
    private static readonly DateOnly Today = new(2026, 11, 21);
    private static readonly int[] Provinces =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

    [Fact]
    public void EveryGeneratedValidNumber_Parses_WithItsEncodedFields()
    {
        foreach (var (number, birthDate, sequence) in Generate(seed: 7))
        {
            ResidentIdNumber.TryParse(number, Today, out var id, out var code).ShouldBeTrue(code);
            id.Value.ShouldBe(number);
            id.BirthDate.ShouldBe(birthDate);
            id.Sex.ShouldBe(sequence % 2 == 1 ? Sex.Male : Sex.Female);
        }
    }

    [Fact]
    public void EverySingleCharacterChange_FailsTheCheckCharacter()
    {
        foreach (var (number, _, _) in Generate(seed: 11).Take(200))
        {
            foreach (var mutated in SingleCharacterChanges(number))
            {
                var computed = ResidentIdCheckCharacter.Compute(mutated.AsSpan(0, 17));
                computed.ShouldNotBe(mutated[17], mutated);
            }
        }
    }

    [Fact]
    public void EverySingleCharacterChange_IsRejected_ByTheCheckCharacterUnlessAnEarlierFieldCatchesIt()
    {
        foreach (var (number, _, _) in Generate(seed: 13).Take(200))
        {
            foreach (var mutated in SingleCharacterChanges(number))
            {
                ResidentIdNumber.TryParse(mutated, Today, out _, out var code).ShouldBeFalse(mutated);
                code.ShouldBe(ExpectedCode(mutated), mutated);
            }
        }
    }

    [Fact]
    public void EveryGeneratedLegacyNumber_UpgradesToTheModernForm()
    {
        foreach (var (number, _, _) in Generate(seed: 17).Where(g => g.BirthDate.Year < 2000))
        {
            var legacy = string.Concat(number.AsSpan(0, 6), number.AsSpan(8, 9));
            ResidentIdNumber.Parse(legacy, Today).Value.ShouldBe(number);
        }
    }

    private static IEnumerable<(string Number, DateOnly BirthDate, int Sequence)> Generate(int seed)
    {
        var random = new Random(seed);
        var days = Today.DayNumber - new DateOnly(1900, 1, 1).DayNumber;
        for (var i = 0; i < Samples; i++)
        {
            var area = Provinces[random.Next(Provinces.Length)] * 10_000 + random.Next(10_000);
            var birthDate = new DateOnly(1900, 1, 1).AddDays(random.Next(days + 1));
            var sequence = random.Next(1_000);
            var first17 = string.Create(
                CultureInfo.InvariantCulture,
                $"{area:D6}{birthDate:yyyyMMdd}{sequence:D3}");
            yield return (first17 + ReferenceCheckCharacter.Compute(first17), birthDate, sequence);
        }
    }

    private static IEnumerable<string> SingleCharacterChanges(string number)
    {
        for (var position = 0; position < 18; position++)
        {
            var alphabet = position == 17 ? "0123456789X" : "0123456789";
            foreach (var replacement in alphabet.Where(c => c != number[position]))
            {
                var chars = number.ToCharArray();
                chars[position] = replacement;
                yield return new string(chars);
            }
        }
    }

    private static string ExpectedCode(string mutated)
    {
        if (!Provinces.Contains(int.Parse(mutated.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return ResidentIdErrorCodes.Area;
        }

        var isDate = DateOnly.TryParseExact(
            mutated.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        return isDate && date >= new DateOnly(1900, 1, 1) && date <= Today
            ? ResidentIdErrorCodes.CheckDigit
            : ResidentIdErrorCodes.BirthDate;
    }
}
