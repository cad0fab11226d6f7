using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class DangerAssessmentScoringTests
{
    [Fact]
    public void Score_IsTheCountOfYes_AndUnbanded()
    {
        var result = InstrumentScorer.Score(DangerAssessment, Input(FirstYes(12), unknown: [20]));

        result.Score.ShouldBe(12);
        result.ComputedLevel.ShouldBeNull();
        result.Level.ShouldBeNull();
        result.CommonLevel.ShouldBeNull();
        result.Referral.ShouldBeFalse();
        result.Unknown.ShouldBe(1);
        result.Explanations[0].En.ShouldBe("12 yes of 20 → score 12; no bands configured, so the score gives no level");
        result.Explanations.ShouldContain(l => l.En == "no level (unbanded) → no common level");
    }

    [Fact]
    public void Judgement_High_YieldsLevelAndCommonLevel_AndRefers()
    {
        var input = Input(FirstYes(3)) with { Judgement = new ProfessionalJudgement("high", "threats with a knife") };

        var result = InstrumentScorer.Score(DangerAssessment, input);

        result.ComputedLevel.ShouldBeNull();
        result.Level.ShouldBe("high");
        result.CommonLevel.ShouldBe(CommonRiskLevel.High);
        result.Criteria.ShouldBe([ReferralCriteria.ProfessionalJudgement]);
        result.Explanations.ShouldContain(l => l.En == "professional judgement high raises unbanded → high → professional_judgement");
    }

    [Fact]
    public void Judgement_Low_YieldsALevel_WithoutReferral()
    {
        var input = Input() with { Judgement = new ProfessionalJudgement("low", "no recent contact") };

        var result = InstrumentScorer.Score(DangerAssessment, input);

        result.Level.ShouldBe("low");
        result.CommonLevel.ShouldBe(CommonRiskLevel.Low);
        result.Referral.ShouldBeFalse();
    }

    [Fact]
    public void ManyYes_AndIncidents_NeverReferWithoutJudgement()
    {
        var input = Input(FirstYes(20)) with { IncidentDates = [new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)] };

        InstrumentScorer.Score(DangerAssessment, input).Referral.ShouldBeFalse();
    }

    [Fact]
    public void WeightedExample_SumsWeights_AndBands()
    {
        var weighted = InstrumentDefinitionJson.LoadFile(Path.Combine(RepoPaths.Instruments, "examples", "danger-assessment-weighted.example.json"));

        // Placeholder weights: items 1, 4, 7, 10, 13, 16, 19 weigh 2, the rest 1.
        var result = InstrumentScorer.Score(weighted, Input([1, 2, 4, 5]));

        result.Score.ShouldBe(6);
        result.Level.ShouldBe("level-2");
        result.CommonLevel.ShouldBe(CommonRiskLevel.Medium);
        result.Explanations[0].En.ShouldBe("score 6 (weights of 4 yes of 20) ≥ 6 → level-2 (band 6–11)");
    }
}
