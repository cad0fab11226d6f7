using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

/// <summary>Weights: items 1–5 red flags (3, force high), 6–8 aggravating (2), 9–12 supporting (1).</summary>
public class CnThreeLevelScoringTests
{
    [Theory]
    [InlineData(new[] { 9, 10, 11 }, 3, "low")]
    [InlineData(new[] { 9, 10, 11, 12 }, 4, "medium")]
    [InlineData(new[] { 6, 7 }, 4, "medium")]
    [InlineData(new[] { 6, 7, 8, 12 }, 7, "medium")]
    [InlineData(new[] { 6, 7, 8, 9, 10 }, 8, "high")]
    public void Score_SumsWeights_IntoBands(int[] yes, int score, string level)
    {
        var result = InstrumentScorer.Score(CnThreeLevel, Input(yes));

        result.Score.ShouldBe(score);
        result.ComputedLevel.ShouldBe(level);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void SingleRedFlag_ForcesHigh_EvenWithALowScore(int redFlag)
    {
        var result = InstrumentScorer.Score(CnThreeLevel, Input([redFlag]));

        result.Score.ShouldBe(3);
        result.ComputedLevel.ShouldBe("high");
        result.Level.ShouldBe("high");
        result.CommonLevel.ShouldBe(CommonRiskLevel.High);
        result.Explanations[0].En.ShouldBe("score 3 (weights of 1 yes of 12) ≥ 0 → low (band 0–3)");
        result.Explanations.ShouldContain(l => l.En.StartsWith($"item {redFlag} ", StringComparison.Ordinal) && l.En.EndsWith("= yes → at least high (red flag)", StringComparison.Ordinal));
    }

    [Fact]
    public void RedFlag_RaisesTheLevel_ButIsNotAReferralCriterion()
    {
        var result = InstrumentScorer.Score(CnThreeLevel, Input([4]));

        result.Criteria.ShouldBeEmpty();
        result.Referral.ShouldBeFalse();
    }

    [Fact]
    public void ScoreAtTheHighBand_IsVisibleHighRisk()
    {
        InstrumentScorer.Score(CnThreeLevel, Input([1, 2, 9, 10])).Criteria.ShouldBe([ReferralCriteria.VisibleHighRisk]);
    }

    [Fact]
    public void Judgement_High_RaisesLowToHigh()
    {
        var input = Input([9]) with { Judgement = new ProfessionalJudgement("high", "community officer's visit") };

        var result = InstrumentScorer.Score(CnThreeLevel, input);

        result.Level.ShouldBe("high");
        result.Criteria.ShouldBe([ReferralCriteria.ProfessionalJudgement]);
    }

    [Fact]
    public void Explanations_InChinese_UseTheLevelLabels()
    {
        var result = InstrumentScorer.Score(CnThreeLevel, Input([4]));

        result.Explanations.ShouldContain(l => l.ZhCn == "第 4 项“掐脖、勒颈或捂口鼻”为“是” → 至少为高（红旗项）");
        result.Explanations.ShouldContain(l => l.ZhCn == "等级高 → 通用等级高");
    }
}
