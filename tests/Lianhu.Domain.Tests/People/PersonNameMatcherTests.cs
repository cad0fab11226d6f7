using Lianhu.Domain.People;

namespace Lianhu.Domain.Tests.People;

public class PersonNameMatcherTests(IcuPinyinFixture icu) : IClassFixture<IcuPinyinFixture>
{
    private static readonly DateOnly Born = new(1990, 5, 17);
    private readonly PersonNameMatcher _matcher = new(icu.Reader);

    [Theory]
    [InlineData("张伟", "章伟", NameMatchReasons.Homophone)]
    [InlineData("王芳", "汪芳", NameMatchReasons.Homophone)]
    [InlineData("張偉", "章伟", NameMatchReasons.Homophone)]
    [InlineData("張偉", "张伟", NameMatchReasons.Variant)]
    [InlineData("歐陽娜娜", "欧阳娜娜", NameMatchReasons.Variant)]
    [InlineData("张伟", "张伟", NameMatchReasons.Exact)]
    [InlineData(" 张  伟 ", "张伟", NameMatchReasons.Exact)]
    [InlineData("阿依古丽·买买提", "阿依古丽买买提", NameMatchReasons.Exact)]
    [InlineData("阿依古丽•买买提", "阿依古丽.买买提", NameMatchReasons.Exact)]
    [InlineData("Ｚｈａｎｇ　Ｗｅｉ", "Zhang Wei", NameMatchReasons.Exact)]
    [InlineData("Zhang Wei", "ZHANG WEI", NameMatchReasons.Latin)]
    [InlineData("Zhāng Wěi", "zhang wei", NameMatchReasons.Latin)]
    [InlineData("Zhang-Wei", "ZhangWei", NameMatchReasons.Latin)]
    [InlineData("张伟", "ZHANG WEI", NameMatchReasons.HanLatin)]
    [InlineData("张伟", "ZHANGWEI", NameMatchReasons.HanLatin)]
    [InlineData("張偉", "Zhang Wei", NameMatchReasons.HanLatin)]
    [InlineData("欧阳娜娜", "OUYANG NANA", NameMatchReasons.HanLatin)]
    [InlineData("阿依古丽·买买提", "Ayiguli Maimaiti", NameMatchReasons.HanLatin)]
    [InlineData("张林", "张凌", NameMatchReasons.PinyinNear)]
    [InlineData("陈思", "陈诗", NameMatchReasons.PinyinNear)]
    public void Compare_SameBirthDate_IsSuggested(string left, string right, string nameReason)
    {
        var match = _matcher.Compare(new(left, Born), new(right, Born));

        match.Reasons.ShouldBe([nameReason, NameMatchReasons.SameBirthDate]);
        match.IsSuggestion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Zhang Wei", "wei zhang", NameMatchReasons.Latin)]
    [InlineData("Nana Ou Yang", "Ou Yang Na Na", NameMatchReasons.Latin)]
    [InlineData("张伟", "Wei Zhang", NameMatchReasons.HanLatin)]
    [InlineData("欧阳娜娜", "Nana Ouyang", NameMatchReasons.HanLatin)]
    [InlineData("欧阳娜娜", "Nana Ou-Yang", NameMatchReasons.HanLatin)]
    [InlineData("司马光", "Guang Sima", NameMatchReasons.HanLatin)]
    [InlineData("诸葛亮", "LIANG ZHUGE", NameMatchReasons.HanLatin)]
    [InlineData("宗政", "Zheng Zong", NameMatchReasons.HanLatin)]
    [InlineData("宗政伟", "Wei Zongzheng", NameMatchReasons.HanLatin)]
    [InlineData("宗政伟", "Zhengwei Zong", NameMatchReasons.HanLatin)]
    [InlineData("阿依古丽·买买提", "Maimaiti Ayiguli", NameMatchReasons.HanLatin)]
    public void Compare_FamilyNameWrittenLast_IsSuggestedAsOrderSwapped(string left, string right, string nameReason)
    {
        var match = _matcher.Compare(new(left, Born), new(right, Born));

        match.Reasons.ShouldBe([nameReason, NameMatchReasons.OrderSwapped, NameMatchReasons.SameBirthDate]);
        match.IsSuggestion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("张伟", "李伟")]
    [InlineData("林伟", "凌伟")]
    [InlineData("张伟", "张伟伟")]
    [InlineData("张伟伟", "张伟")]
    [InlineData("王芳", "王方圆")]
    [InlineData("张伟", "Li Wei")]
    [InlineData("张伟", "Zhang Weiwei")]
    [InlineData("Zhang Wei", "Zhang Wen")]
    [InlineData("张小明", "张明小")]
    [InlineData("张林", "张明")]
    public void Compare_DifferentNames_AreNotAMatchEvenWithTheSameBirthDate(string left, string right)
    {
        var match = _matcher.Compare(new(left, Born), new(right, Born));

        match.Reasons.ShouldBe([NameMatchReasons.Different, NameMatchReasons.SameBirthDate]);
        match.Score.ShouldBe(0m);
        match.IsSuggestion.ShouldBeFalse();
    }

    [Fact]
    public void Compare_SameNameDifferentBirthDates_IsScoredLowAndNotSuggested()
    {
        var match = _matcher.Compare(new("张伟", Born), new("张伟", Born.AddDays(1)));

        match.Reasons.ShouldBe([NameMatchReasons.Exact, NameMatchReasons.DifferentBirthDate]);
        match.Score.ShouldBe(0.3m);
        match.IsSuggestion.ShouldBeFalse();
    }

    [Fact]
    public void Compare_SameNameSameBirthDateDifferentSex_IsNotSuggested()
    {
        var match = _matcher.Compare(new("张伟", Born, Sex.Male), new("张伟", Born, Sex.Female));

        match.Reasons.ShouldBe([NameMatchReasons.Exact, NameMatchReasons.SameBirthDate, NameMatchReasons.DifferentSex]);
        match.Score.ShouldBe(0.5m);
        match.IsSuggestion.ShouldBeFalse();
    }

    [Fact]
    public void Compare_SameSex_AddsNoReasonAndNoPenalty()
    {
        var match = _matcher.Compare(new("张伟", Born, Sex.Male), new("张伟", Born, Sex.Male));

        match.Score.ShouldBe(1m);
        match.Reasons.ShouldBe([NameMatchReasons.Exact, NameMatchReasons.SameBirthDate]);
    }

    [Theory]
    [InlineData("张伟", "张伟", 0.9)]
    [InlineData("張偉", "张伟", 0.855)]
    [InlineData("Zhang Wei", "ZHANG WEI", 0.81)]
    public void Compare_StrongNameWithoutBirthDates_IsSuggested(string left, string right, double score)
    {
        var match = _matcher.Compare(new(left), new(right));

        match.Reasons.ShouldContain(NameMatchReasons.UnknownBirthDate);
        match.Score.ShouldBe((decimal)score);
        match.IsSuggestion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("张伟", "章伟")]
    [InlineData("张伟", "ZHANG WEI")]
    [InlineData("Zhang Wei", "Wei Zhang")]
    [InlineData("张林", "张凌")]
    public void Compare_WeakerNameWithoutBirthDates_IsNotSuggested(string left, string right)
    {
        var match = _matcher.Compare(new(left), new(right));

        match.Score.ShouldBeGreaterThan(0m);
        match.IsSuggestion.ShouldBeFalse();
    }

    [Fact]
    public void Compare_BirthDateOnOneSideOnly_CountsAsUnknown()
    {
        var match = _matcher.Compare(new("张伟", Born), new("张伟"));

        match.Reasons.ShouldBe([NameMatchReasons.Exact, NameMatchReasons.UnknownBirthDate]);
        match.IsSuggestion.ShouldBeTrue();
    }

    [Theory]
    [InlineData("张伟", "章伟", 0.8)]
    [InlineData("张伟", "ZHANG WEI", 0.85)]
    [InlineData("张伟", "Wei Zhang", 0.765)]
    [InlineData("张林", "张凌", 0.6)]
    public void Compare_Score_IsNameWeightTimesFactors(string left, string right, double expected) =>
        _matcher.Compare(new(left, Born), new(right, Born)).Score.ShouldBe((decimal)expected);

    [Theory]
    [InlineData("", "张伟")]
    [InlineData("张伟", "   ")]
    [InlineData("·", "张伟")]
    public void Compare_MissingName_IsNoMatch(string left, string right)
    {
        var match = _matcher.Compare(new(left, Born), new(right, Born));

        match.Reasons[0].ShouldBe(NameMatchReasons.Missing);
        match.IsSuggestion.ShouldBeFalse();
    }

    [Fact]
    public void Compare_IsSymmetric()
    {
        string[] names = ["张伟", "章伟", "張偉", "ZHANG WEI", "Wei Zhang", "欧阳娜娜", "Nana Ouyang", "张林", "张凌", "李伟"];
        foreach (var left in names)
        {
            foreach (var right in names)
            {
                var there = _matcher.Compare(new(left, Born), new(right, Born));
                var back = _matcher.Compare(new(right, Born), new(left, Born));
                back.Score.ShouldBe(there.Score, $"{left} / {right}");
                back.Reasons.ShouldBe(there.Reasons, $"{left} / {right}");
            }
        }
    }

    [Fact]
    public void Compare_UsesTheGivenOptions()
    {
        var strict = new PersonNameMatcher(icu.Reader, PersonMatchingOptions.Default with { SuggestionThreshold = 0.85m });

        strict.Compare(new("张伟", Born), new("章伟", Born)).IsSuggestion.ShouldBeFalse();
        strict.Compare(new("張偉", Born), new("张伟", Born)).IsSuggestion.ShouldBeTrue();
    }

    [Fact]
    public void Compare_PolyphonicSurname_FollowsIcusReading()
    {
        // Documented limit: ICU reads the surname 单 as "dan", so "Shan Li" is not recognised.
        _matcher.Compare(new("单丽", Born), new("Shan Li", Born)).IsSuggestion.ShouldBeFalse();
        _matcher.Compare(new("单丽", Born), new("Dan Li", Born)).IsSuggestion.ShouldBeTrue();
    }
}
