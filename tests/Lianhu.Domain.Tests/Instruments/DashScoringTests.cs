using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class DashScoringTests
{
    [Theory]
    [InlineData(0, "standard", CommonRiskLevel.Low)]
    [InlineData(9, "standard", CommonRiskLevel.Low)]
    [InlineData(10, "medium", CommonRiskLevel.Medium)]
    [InlineData(13, "medium", CommonRiskLevel.Medium)]
    [InlineData(14, "high", CommonRiskLevel.High)]
    [InlineData(24, "high", CommonRiskLevel.High)]
    public void Score_CountOfYes_FallsInTheLocalBand(int yes, string level, CommonRiskLevel common)
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(yes)));

        result.Score.ShouldBe(yes);
        result.ComputedLevel.ShouldBe(level);
        result.Level.ShouldBe(level);
        result.CommonLevel.ShouldBe(common);
        result.Instrument.ShouldBe("dash-ric");
        result.Version.ShouldBe(1);
    }

    [Fact]
    public void Score_13Yes_IsNotVisibleHighRisk_AndNoReferral()
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(13)));

        result.Criteria.ShouldBeEmpty();
        result.Referral.ShouldBeFalse();
    }

    [Fact]
    public void Score_14Yes_IsVisibleHighRisk_AndReferral()
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(14)));

        result.Criteria.ShouldBe([ReferralCriteria.VisibleHighRisk]);
        result.Referral.ShouldBeTrue();
    }

    [Fact]
    public void Score_UnknownAnswers_AddNothing_AndAreCounted()
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(13), unknown: [20, 21, 22, 23, 24]));

        result.Score.ShouldBe(13);
        result.Level.ShouldBe("medium");
        result.Unknown.ShouldBe(5);
        result.Explanations.ShouldContain(l => l.En == "5 unknown answers add 0");
    }

    [Fact]
    public void Score_ExplainsTheBand()
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(14)));

        result.Explanations[0].En.ShouldBe("14 yes of 24 ≥ 14 → high (band 14+)");
        result.Explanations[0].ZhCn.ShouldBe("24 项中 14 项为“是” ≥ 14 → 高（本地分档）（high，档位 14+）");
        result.Explanations.ShouldContain(l => l.En == "referral: yes (visible_high_risk)");
    }

    [Fact]
    public void Score_ExplainsAClosedBandWithItsRange()
    {
        var result = InstrumentScorer.Score(Dash, Input(FirstYes(11)));

        result.Explanations[0].En.ShouldBe("11 yes of 24 ≥ 10 → medium (band 10–13)");
        result.Explanations.ShouldContain(l => l.En == "score 11 < 14 → no visible_high_risk");
    }

    [Fact]
    public void Score_ItemsNotGiven_CountAsNo()
    {
        var input = new AssessmentInput { At = At, Answers = new Dictionary<int, Answer> { [1] = Answer.Yes, [2] = Answer.No } };

        var result = InstrumentScorer.Score(Dash, input);

        result.Score.ShouldBe(1);
        result.Unknown.ShouldBe(0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(-1)]
    public void Score_ItemNumberOutOfRange_ThrowsNamingTheItem(int number)
    {
        var ex = Should.Throw<AssessmentValidationException>(() => InstrumentScorer.Score(Dash, Input([1, number])));

        ex.Field.ShouldBe($"answers[{number}]");
        ex.Message.ShouldContain($"item {number} does not exist in dash-ric v1");
    }

    [Fact]
    public void AnswersFrom_SameItemYesAndUnknown_Throws()
    {
        var ex = Should.Throw<AssessmentValidationException>(() => AssessmentInput.AnswersFrom([3], [3]));

        ex.Field.ShouldBe("answers[3]");
    }
}
