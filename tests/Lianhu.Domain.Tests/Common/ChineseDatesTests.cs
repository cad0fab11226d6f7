using Lianhu.Domain.Common;

namespace Lianhu.Domain.Tests.Common;

public class ChineseDatesTests
{
    [Theory]
    [InlineData("2026-09-01")]
    [InlineData("2026/9/1")]
    [InlineData("2026.9.1")]
    [InlineData("2026年9月1日")]
    [InlineData("2026年09月01号")]
    [InlineData("２０２６－０９－０１")]
    [InlineData("20260901")]
    [InlineData(" 2026-9-1 ")]
    public void CommonWritings_ReadAsTheSameDay(string text)
    {
        ChineseDates.TryParseDay(text, out var day).ShouldBeTrue(text);
        day.ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("明天")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("26-9-1")]
    [InlineData("2026-9")]
    [InlineData("2026-09-01T00:00")]
    [InlineData("20261301")]
    [InlineData("2026-9-1-1")]
    public void AnythingElse_IsRefused(string text) => ChineseDates.TryParseDay(text, out _).ShouldBeFalse(text);

    [Theory]
    [InlineData("20261207-D9D662", true)]
    [InlineData("20261207-d9d662", true)]
    [InlineData("20261207-D9D66G", false)]
    [InlineData("2026120-D9D6620", false)]
    [InlineData("20261207D9D662", false)]
    [InlineData("王芳", false)]
    [InlineData(null, false)]
    public void CaseNumbers_AreRecognisedByTheirShape(string? text, bool expected) => Lianhu.Domain.Cases.Case.IsNumber(text).ShouldBe(expected);
}

public class PhoneDisplayTests
{
    [Theory]
    [InlineData("13800138000", "138 0013 8000")]
    [InlineData("+86 138 0013 8000", "138 0013 8000")]
    [InlineData("0755-8888 1234", "0755 8888 1234")]
    [InlineData("010 6552 9988", "010 6552 9988")]
    [InlineData("0755 888 1234", "0755 888 1234")]
    public void Phones_AreGroupedAsWrittenInChina(string input, string expected) =>
        Lianhu.Domain.People.PhoneNumber.Parse(input).Display.ShouldBe(expected);

    [Fact]
    public void IdNumbers_AreMaskedForTheScreen() =>
        Lianhu.Domain.People.ResidentIdNumber.Mask("11010519491231002X").ShouldBe("110105********002X");
}
