using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

/// <summary>Window (last referral, last referral + 12 months]; last referral 2024-06-15.</summary>
public class RepeatIncidentTests
{
    private static readonly DateOnly LastReferral = new(2024, 6, 15);

    private static ScoreResult ScoreRepeat(DateOnly? lastReferral, DateOnly? incident, DateOnly? at = null) =>
        InstrumentScorer.Score(Dash, new AssessmentInput
        {
            At = at ?? new DateOnly(2025, 12, 31),
            LastReferralDate = lastReferral,
            CurrentIncidentDate = incident,
        });

    [Fact]
    public void IncidentWithinTwelveMonths_IsRepeat()
    {
        var result = ScoreRepeat(LastReferral, new DateOnly(2025, 3, 1));

        result.Criteria.ShouldBe([ReferralCriteria.Repeat]);
        result.Referral.ShouldBeTrue();
        result.Explanations.ShouldContain(l => l.En == "incident 2025-03-01 in (2024-06-15, 2025-06-15], within 12 months after the last referral → repeat");
    }

    [Fact]
    public void IncidentExactlyTwelveMonthsAfter_IsRepeat()
    {
        ScoreRepeat(LastReferral, new DateOnly(2025, 6, 15)).Criteria.ShouldBe([ReferralCriteria.Repeat]);
    }

    [Fact]
    public void IncidentTheDayAfterTwelveMonths_IsNotRepeat()
    {
        ScoreRepeat(LastReferral, new DateOnly(2025, 6, 16)).Criteria.ShouldBeEmpty();
    }

    [Fact]
    public void IncidentOnTheReferralDay_IsNotRepeat()
    {
        ScoreRepeat(LastReferral, LastReferral).Criteria.ShouldBeEmpty();
    }

    [Fact]
    public void IncidentTheDayAfterTheReferral_IsRepeat()
    {
        ScoreRepeat(LastReferral, new DateOnly(2024, 6, 16)).Criteria.ShouldBe([ReferralCriteria.Repeat]);
    }

    [Fact]
    public void IncidentBeforeTheReferral_IsNotRepeat()
    {
        ScoreRepeat(LastReferral, new DateOnly(2024, 1, 1)).Criteria.ShouldBeEmpty();
    }

    [Fact]
    public void NoPreviousReferral_IsNotRepeat()
    {
        var result = ScoreRepeat(null, new DateOnly(2025, 3, 1));

        result.Criteria.ShouldBeEmpty();
        result.Explanations.ShouldContain(l => l.En == "no previous referral → no repeat");
    }

    [Fact]
    public void NoCurrentIncidentDate_IsNotAssessed()
    {
        var result = ScoreRepeat(LastReferral, null);

        result.Criteria.ShouldBeEmpty();
        result.Explanations.ShouldContain(l => l.En == "no current incident date → repeat not assessed");
    }

    [Fact]
    public void CurrentIncidentAfterAt_Throws()
    {
        var ex = Should.Throw<AssessmentValidationException>(() => ScoreRepeat(LastReferral, new DateOnly(2025, 3, 1), at: new DateOnly(2025, 2, 1)));

        ex.Field.ShouldBe("currentIncidentDate");
    }

    [Fact]
    public void LastReferralAfterAt_Throws()
    {
        var ex = Should.Throw<AssessmentValidationException>(() => ScoreRepeat(new DateOnly(2025, 3, 1), null, at: new DateOnly(2025, 2, 1)));

        ex.Field.ShouldBe("lastReferralDate");
    }

    [Fact]
    public void Window_FromEndOfJanuary_EndsOnTheLastDayOfFebruary()
    {
        ReferralWindows.Repeat(new DateOnly(2024, 1, 31), 1).UpTo.ShouldBe(new DateOnly(2024, 2, 29));
    }

    [Fact]
    public void AllFourCriteria_AreReportedInFixedOrder()
    {
        var input = new AssessmentInput
        {
            At = new DateOnly(2025, 6, 15),
            Answers = AssessmentInput.AnswersFrom(FirstYes(14)),
            Judgement = new ProfessionalJudgement("high", "serious threats"),
            IncidentDates = [new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1)],
            LastReferralDate = LastReferral,
            CurrentIncidentDate = new DateOnly(2025, 6, 1),
        };

        InstrumentScorer.Score(Dash, input).Criteria.ShouldBe(
        [
            ReferralCriteria.VisibleHighRisk, ReferralCriteria.ProfessionalJudgement,
            ReferralCriteria.PotentialEscalation, ReferralCriteria.Repeat,
        ]);
    }
}
