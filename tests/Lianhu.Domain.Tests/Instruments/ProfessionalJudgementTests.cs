using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class ProfessionalJudgementTests
{
    private static ScoreResult ScoreDash(int yes, string level, string? reason = "victim's account of recent threats") =>
        InstrumentScorer.Score(Dash, Input(FirstYes(yes)) with { Judgement = new ProfessionalJudgement(level, reason) });

    [Fact]
    public void Judgement_HighOverStandard_RaisesLevel_AndRefers()
    {
        var result = ScoreDash(yes: 5, level: "high");

        result.ComputedLevel.ShouldBe("standard");
        result.Level.ShouldBe("high");
        result.CommonLevel.ShouldBe(CommonRiskLevel.High);
        result.Criteria.ShouldBe([ReferralCriteria.ProfessionalJudgement]);
        result.Referral.ShouldBeTrue();
        result.Explanations.ShouldContain(l => l.En == "professional judgement high raises standard → high → professional_judgement");
    }

    [Fact]
    public void Judgement_MediumUnderHigh_ChangesNothing_AndDoesNotFire()
    {
        var result = ScoreDash(yes: 16, level: "medium");

        result.Score.ShouldBe(16);
        result.Level.ShouldBe("high");
        result.Criteria.ShouldBe([ReferralCriteria.VisibleHighRisk]);
        result.Explanations.ShouldContain(l => l.En == "professional judgement medium is not above high: level unchanged (judgement never lowers)");
    }

    [Fact]
    public void Judgement_StandardUnderMedium_NeverLowers()
    {
        ScoreDash(yes: 11, level: "standard").Level.ShouldBe("medium");
    }

    [Fact]
    public void Judgement_MediumOverStandard_RaisesLevel_ButIsNotAReferralCriterion()
    {
        var result = ScoreDash(yes: 3, level: "medium");

        result.Level.ShouldBe("medium");
        result.CommonLevel.ShouldBe(CommonRiskLevel.Medium);
        result.Criteria.ShouldBeEmpty();
        result.Referral.ShouldBeFalse();
    }

    [Fact]
    public void Judgement_HighWhenAlreadyHigh_StillFires()
    {
        var result = ScoreDash(yes: 15, level: "high");

        result.Level.ShouldBe("high");
        result.Criteria.ShouldBe([ReferralCriteria.VisibleHighRisk, ReferralCriteria.ProfessionalJudgement]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Judgement_WithoutReason_ThrowsNamingJudgementReason(string? reason)
    {
        var ex = Should.Throw<AssessmentValidationException>(() => ScoreDash(yes: 5, level: "high", reason));

        ex.Field.ShouldBe("judgementReason");
    }

    [Fact]
    public void Judgement_UnknownLevel_ThrowsNamingJudgement()
    {
        var ex = Should.Throw<AssessmentValidationException>(() => ScoreDash(yes: 5, level: "extreme"));

        ex.Field.ShouldBe("judgement");
        ex.Message.ShouldContain("standard, medium, high");
    }

    [Fact]
    public void Judgement_ReasonIsNotEchoedIntoExplanations()
    {
        var result = ScoreDash(yes: 5, level: "high", reason: "Zhang Wei said he has a knife");

        result.Explanations.ShouldAllBe(l => !l.En.Contains("knife") && !l.ZhCn.Contains("knife"));
    }
}
