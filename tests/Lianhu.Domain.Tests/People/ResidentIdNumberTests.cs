using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Parse_RealFormExample_ExposesItsFields()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X", Today);

        id.Value.ShouldBe("11010519491231002X");
        id.AreaCode.ShouldBe("110105");
        id.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        id.Sex.ShouldBe(Sex.Female);
        id.IsLegacyInput.ShouldBeFalse();
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 110105 19491231 002X ")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("110105\u300019491231002ｘ")]
    public void Parse_SpacesFullWidthAndLowerCaseX_AreNormalised(string input) =>
        ResidentIdNumber.Parse(input, Today).Value.ShouldBe("11010519491231002X");

    [Fact]
    public void Parse_OddSequence_IsMale()
    {
        // 440305 + 19900101 + 123: sequence ends in 3, so male.
        var id = ResidentIdNumber.Parse(WithCheck("44030519900101123"), Today);
        id.Sex.ShouldBe(Sex.Male);
    }

    [Fact]
    public void Parse_Legacy15Digits_UpgradesTo18()
    {
        var id = ResidentIdNumber.Parse("110105491231002", Today);

        id.Value.ShouldBe("11010519491231002X");
        id.IsLegacyInput.ShouldBeTrue();
        id.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        id.Sex.ShouldBe(Sex.Female);
    }

    [Fact]
    public void Equality_LegacyAndModernFormOfTheSameNumber_AreEqual()
    {
        var legacy = ResidentIdNumber.Parse("110105491231002", Today);
        var modern = ResidentIdNumber.Parse("11010519491231002X", Today);

        legacy.ShouldBe(modern);
        legacy.GetHashCode().ShouldBe(modern.GetHashCode());
    }

    [Fact]
    public void ToString_MasksTheBirthDate() =>
        ResidentIdNumber.Parse("11010519491231002X", Today).ToString().ShouldBe("110105********002X");

    [Theory]
    [InlineData(null, ResidentIdErrorCodes.Length)]
    [InlineData("", ResidentIdErrorCodes.Length)]
    [InlineData("1101051949123100", ResidentIdErrorCodes.Length)]
    [InlineData("1101051949123100211", ResidentIdErrorCodes.Length)]
    [InlineData("11010519491231002A", ResidentIdErrorCodes.Characters)]
    [InlineData("110105-19491231-002X", ResidentIdErrorCodes.Characters)]
    [InlineData("1101051949123100X2", ResidentIdErrorCodes.Characters)]
    [InlineData("11010549123100X", ResidentIdErrorCodes.Characters)]
    [InlineData("张伟", ResidentIdErrorCodes.Characters)]
    [InlineData("10010519491231002X", ResidentIdErrorCodes.Area)]
    [InlineData("710105491231002", ResidentIdErrorCodes.Area)]
    [InlineData("910105491231002", ResidentIdErrorCodes.Area)]
    [InlineData("811234491231002", ResidentIdErrorCodes.Area)]
    [InlineData("110105491331002", ResidentIdErrorCodes.BirthDate)]
    [InlineData("110105490230002", ResidentIdErrorCodes.BirthDate)]
    public void TryParse_Invalid_ReportsSpecificCode(string? input, string expectedCode)
    {
        ResidentIdNumber.TryParse(input, Today, out _, out var code).ShouldBeFalse();
        code.ShouldBe(expectedCode);
    }

    [Fact]
    public void TryParse_WrongCheckCharacter_ReportsTheExpectedOne()
    {
        ResidentIdNumber.TryParse("110105194912310021", Today, out _, out var code, out var expected).ShouldBeFalse();

        code.ShouldBe(ResidentIdErrorCodes.CheckDigit);
        expected.ShouldBe('X');
    }

    [Fact]
    public void Parse_WrongCheckCharacter_ThrowsWithCodeAndExpectedCharacter()
    {
        var ex = Should.Throw<InvalidIdentityValueException>(() => ResidentIdNumber.Parse("110105194912310021", Today));

        ex.Code.ShouldBe(ResidentIdErrorCodes.CheckDigit);
        ex.Message.ShouldContain("'X'");
        ex.Message.ShouldNotContain("110105", Case.Sensitive);
    }

    [Theory]
    [InlineData("18991231")]
    [InlineData("20261122")]
    [InlineData("20290229")]
    public void TryParse_BirthDateOutOfRangeOrNotACalendarDay_IsRejected(string yyyymmdd)
    {
        ResidentIdNumber.TryParse(WithCheck($"110105{yyyymmdd}001"), Today, out _, out var code).ShouldBeFalse();
        code.ShouldBe(ResidentIdErrorCodes.BirthDate);
    }

    [Theory]
    [InlineData("19000101")]
    [InlineData("20000229")]
    [InlineData("20261121")]
    public void TryParse_BirthDateAtTheEdges_IsAccepted(string yyyymmdd) =>
        ResidentIdNumber.TryParse(WithCheck($"110105{yyyymmdd}001"), Today, out _, out _).ShouldBeTrue();

    [Theory]
    [InlineData("810000")]
    [InlineData("820000")]
    [InlineData("830000")]
    public void TryParse_HongKongMacaoTaiwanResidencePermits_AreAccepted(string area) =>
        ResidentIdNumber.TryParse(WithCheck($"{area}19850615001"), Today, out _, out _).ShouldBeTrue();

    [Fact]
    public void TryParse_WithClock_UsesChinaStandardTimeForToday()
    {
        // 2026-11-21 17:00 UTC is already 2026-11-22 01:00 in Beijing: a baby born that day is valid.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 17, 0, 0, TimeSpan.Zero));

        ResidentIdNumber.TryParse(WithCheck("11010520261122001"), clock, out var id, out _).ShouldBeTrue();
        id.BirthDate.ShouldBe(new DateOnly(2026, 11, 22));
    }

    [Fact]
    public void Default_HasEmptyValueAndMaskedText()
    {
        var id = default(ResidentIdNumber);
        id.Value.ShouldBe(string.Empty);
        id.AreaCode.ShouldBe(string.Empty);
        id.ToString().ShouldBe(string.Empty);
    }

    private static string WithCheck(string first17) => first17 + ReferenceCheckCharacter.Compute(first17);
}
