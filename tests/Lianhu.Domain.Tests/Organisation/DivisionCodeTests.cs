using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Organisation;

public class DivisionCodeTests
{
    [Theory]
    [InlineData("440300", Tier.City, "4403")]
    [InlineData("440306", Tier.District, "440306")]
    [InlineData("440306017", Tier.Town, "440306017")]
    [InlineData("440306017001", Tier.Community, "440306017001")]
    public void Parse_DerivesTierAndScopePrefix_FromTheCode(string text, Tier tier, string prefix)
    {
        var code = DivisionCode.Parse(text);
        code.Tier.ShouldBe(tier);
        code.ScopePrefix.ShouldBe(prefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4403")]
    [InlineData("440000")]
    [InlineData("44030")]
    [InlineData("440306000")]
    [InlineData("440306017000")]
    [InlineData("44030601700a")]
    [InlineData("000306")]
    public void TryParse_RejectsCodesThatAreNotADivision(string text)
    {
        DivisionCode.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldBe("division.format");
    }

    [Fact]
    public void Parent_WalksUpTheFourTiers()
    {
        var community = DivisionCode.Parse("440306017001");
        community.Parent!.Value.Value.ShouldBe("440306017");
        community.Parent!.Value.Parent!.Value.Value.ShouldBe("440306");
        community.Parent!.Value.Parent!.Value.Parent!.Value.Value.ShouldBe("440300");
        DivisionCode.Parse("440300").Parent.ShouldBeNull();
    }

    [Fact]
    public void Contains_FollowsTheTree_NotJustTheDigits()
    {
        var city = DivisionCode.Parse("440300");
        var baoan = DivisionCode.Parse("440306");
        var community = DivisionCode.Parse("440306017001");
        city.Contains(community).ShouldBeTrue();
        baoan.Contains(community).ShouldBeTrue();
        baoan.Contains(DivisionCode.Parse("440304001001")).ShouldBeFalse();
        community.Contains(baoan).ShouldBeFalse();
        baoan.Contains(baoan).ShouldBeTrue();
    }
}
