using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class OdaraScoringTests
{
    [Theory]
    [InlineData(0, "cat-1", CommonRiskLevel.Low)]
    [InlineData(1, "cat-2", CommonRiskLevel.Low)]
    [InlineData(2, "cat-3", CommonRiskLevel.Medium)]
    [InlineData(3, "cat-4", CommonRiskLevel.Medium)]
    [InlineData(4, "cat-5", CommonRiskLevel.High)]
    [InlineData(5, "cat-6", CommonRiskLevel.High)]
    [InlineData(6, "cat-6", CommonRiskLevel.High)]
    [InlineData(7, "cat-7", CommonRiskLevel.High)]
    [InlineData(13, "cat-7", CommonRiskLevel.High)]
    public void Score_FallsInThePublishedCategory(int yes, string category, CommonRiskLevel common)
    {
        var result = InstrumentScorer.Score(Odara, Input(FirstYes(yes)));

        result.Level.ShouldBe(category);
        result.CommonLevel.ShouldBe(common);
        result.Referral.ShouldBeFalse();
    }

    [Fact]
    public void FiveUnknown_IsScored_UnknownAsZero_NotProrated_AndFlagged()
    {
        var result = InstrumentScorer.Score(Odara, Input(yes: [1, 2, 3, 4], unknown: [9, 10, 11, 12, 13]));

        result.Score.ShouldBe(4);
        result.Level.ShouldBe("cat-5");
        result.Unknown.ShouldBe(5);
        result.Explanations.ShouldContain(l => l.En == "5 unknown answers add 0 (not prorated; at most 5 allowed; result flagged)");
    }

    [Fact]
    public void SixUnknown_MustNotBeScored()
    {
        var ex = Should.Throw<AssessmentValidationException>(() => InstrumentScorer.Score(Odara, Input(yes: [1], unknown: [8, 9, 10, 11, 12, 13])));

        ex.Field.ShouldBe("answers");
        ex.Message.ShouldContain("6 items are unknown; odara must not be scored with more than 5");
    }

    [Fact]
    public void ProfessionalJudgement_IsNotPartOfTheActuarialOdara()
    {
        var input = Input() with { Judgement = new ProfessionalJudgement("cat-7", "worried") };

        Should.Throw<AssessmentValidationException>(() => InstrumentScorer.Score(Odara, input)).Field.ShouldBe("judgement");
    }

    [Fact]
    public void IncidentDatesAndReferrals_DoNotCreateCriteria()
    {
        var input = Input(FirstYes(3)) with
        {
            IncidentDates = [new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)],
            LastReferralDate = new DateOnly(2025, 1, 1),
            CurrentIncidentDate = new DateOnly(2025, 3, 1),
        };

        var result = InstrumentScorer.Score(Odara, input);

        result.Criteria.ShouldBeEmpty();
        result.Explanations.ShouldNotContain(l => l.En.Contains("escalation") || l.En.Contains("repeat"));
    }
}
