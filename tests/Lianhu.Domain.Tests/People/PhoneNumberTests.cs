using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData("138 0013 8000")]
    [InlineData("138-0013-8000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+86-13800138000")]
    [InlineData("(+86) 138 0013 8000")]
    [InlineData("0086 13800138000")]
    [InlineData("86 138 0013 8000")]
    [InlineData("８６　１３８００１３８０００")]
    [InlineData("138\u20130013\u20138000")]
    public void Parse_MobileInCommonWritings_IsNormalised(string input)
    {
        var phone = PhoneNumber.Parse(input);

        phone.Kind.ShouldBe(PhoneNumberKind.Mobile);
        phone.National.ShouldBe("13800138000");
        phone.E164.ShouldBe("+8613800138000");
    }

    [Theory]
    [InlineData("13012345678")]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    public void Parse_EveryMobilePrefixFrom13To19_IsAccepted(string input) =>
        PhoneNumber.Parse(input).Kind.ShouldBe(PhoneNumberKind.Mobile);

    [Theory]
    [InlineData("0755-12345678", "075512345678", "+8675512345678")]
    [InlineData("(0755) 1234 5678", "075512345678", "+8675512345678")]
    [InlineData("0755-1234567", "07551234567", "+867551234567")]
    [InlineData("010-12345678", "01012345678", "+861012345678")]
    [InlineData("021 6123 4567", "02161234567", "+862161234567")]
    [InlineData("+86 10 1234 5678", "01012345678", "+861012345678")]
    [InlineData("+86 755 1234 5678", "075512345678", "+8675512345678")]
    [InlineData("+86 (0)755 1234 5678", "075512345678", "+8675512345678")]
    [InlineData("0086 871 6543210", "08716543210", "+868716543210")]
    public void Parse_LandlineWithAreaCode_IsLandline(string input, string national, string e164)
    {
        var phone = PhoneNumber.Parse(input);

        phone.Kind.ShouldBe(PhoneNumberKind.Landline);
        phone.National.ShouldBe(national);
        phone.E164.ShouldBe(e164);
    }

    [Theory]
    [InlineData(null, PhoneErrorCodes.Length)]
    [InlineData("", PhoneErrorCodes.Length)]
    [InlineData("+86", PhoneErrorCodes.Length)]
    [InlineData("1380013800", PhoneErrorCodes.Length)]
    [InlineData("138001380001", PhoneErrorCodes.Length)]
    [InlineData("+86 138 0013 800", PhoneErrorCodes.Length)]
    [InlineData("010-1234567", PhoneErrorCodes.Length)]
    [InlineData("0755-123456", PhoneErrorCodes.Length)]
    [InlineData("0755-123456789", PhoneErrorCodes.Length)]
    [InlineData("138-0013-800a", PhoneErrorCodes.Characters)]
    [InlineData("138.0013.8000", PhoneErrorCodes.Characters)]
    [InlineData("1+3800138000", PhoneErrorCodes.Characters)]
    [InlineData("13800138000 转 123", PhoneErrorCodes.Characters)]
    [InlineData("12800138000", PhoneErrorCodes.Prefix)]
    [InlineData("+1 415 555 0100", PhoneErrorCodes.Prefix)]
    [InlineData("+852 9123 4567", PhoneErrorCodes.Prefix)]
    [InlineData("00852 9123 4567", PhoneErrorCodes.Prefix)]
    [InlineData("87654321", PhoneErrorCodes.Prefix)]
    [InlineData("011-12345678", PhoneErrorCodes.Prefix)]
    [InlineData("400-123-4567", PhoneErrorCodes.Prefix)]
    public void TryParse_Invalid_ReportsSpecificCode(string? input, string expectedCode)
    {
        PhoneNumber.TryParse(input, out _, out var code).ShouldBeFalse();
        code.ShouldBe(expectedCode);
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithCodeAndWithoutTheNumber()
    {
        var ex = Should.Throw<InvalidIdentityValueException>(() => PhoneNumber.Parse("12800138000"));

        ex.Code.ShouldBe(PhoneErrorCodes.Prefix);
        ex.Message.ShouldNotContain("12800138000");
    }

    [Fact]
    public void Equality_SameNumberWrittenDifferently_IsEqual() =>
        PhoneNumber.Parse("+86 138 0013 8000").ShouldBe(PhoneNumber.Parse("13800138000"));

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("0755-12345678", "075*****5678")]
    public void ToString_IsMasked(string input, string expected) =>
        PhoneNumber.Parse(input).ToString().ShouldBe(expected);

    [Fact]
    public void Default_IsEmpty()
    {
        var phone = default(PhoneNumber);
        phone.National.ShouldBe(string.Empty);
        phone.E164.ShouldBe(string.Empty);
        phone.ToString().ShouldBe(string.Empty);
    }
}
