using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

/// <summary>Candidate retrieval must not lose a pair the matcher would suggest by name alone: such pairs share a blocking key.</summary>
public class BlockingKeysTests(IcuPinyinFixture icu) : IClassFixture<IcuPinyinFixture>
{
    private static readonly DateOnly Born = new(1990, 5, 17);
    private readonly PersonNameMatcher _matcher = new(icu.Reader);

    [Theory]
    [InlineData("张伟", "zhangwei")]
    [InlineData("章伟", "zhangwei")]
    [InlineData("張偉", "zhangwei")]
    [InlineData("Zhang Wei", "zhangwei")]
    [InlineData("ZHANG-WEI", "zhangwei")]
    [InlineData("欧阳娜娜", "ouyangnana")]
    [InlineData("阿依古丽·买买提", "ayigulimaimaiti")]
    public void TheStoredKey_IsTheTonelessPinyinInWrittenOrder(string name, string key) =>
        _matcher.BlockingKeys(name)[0].ShouldBe(key);

    [Theory]
    [InlineData("张伟", "章伟")]
    [InlineData("張偉", "张伟")]
    [InlineData("张伟", "ZHANG WEI")]
    [InlineData("张伟", "Wei Zhang")]
    [InlineData("欧阳娜娜", "Nana Ouyang")]
    [InlineData("欧阳娜娜", "Nana Ou Yang")]
    [InlineData("Zhang Wei", "wei zhang")]
    [InlineData("阿依古丽·买买提", "Maimaiti Ayiguli")]
    public void NamesSuggestedOnTheirName_ShareAKey_BothWays(string left, string right)
    {
        _matcher.Compare(new(left, Born), new(right, Born)).IsSuggestion.ShouldBeTrue();
        _matcher.BlockingKeys(right).ShouldContain(_matcher.BlockingKeys(left)[0]);
        _matcher.BlockingKeys(left).ShouldContain(_matcher.BlockingKeys(right)[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("·")]
    [InlineData(null)]
    public void NoUsableName_HasNoKey(string? name) => _matcher.BlockingKeys(name).ShouldBeEmpty();
}
