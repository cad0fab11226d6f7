using Lianhu.Domain.Assessments;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Tests.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;
using Case = Lianhu.Domain.Cases.Case;

namespace Lianhu.Domain.Tests.Assessments;

public class AssessmentTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly RiskHandlingPolicy Policy = RiskHandlingPolicyJson.LoadFile(RepoPaths.RiskHandlingPolicy);

    private static Case OpenCase() =>
        Case.Open(Guid.CreateVersion7(), Channel.Hotline, "summary", DivisionCode.Parse("440306017001"), Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10));

    private static Assessment Record(Case @case, InstrumentDefinition definition, AssessmentInput input) =>
        Assessment.Record(Guid.CreateVersion7(), @case, definition, input, Policy, Guid.NewGuid(), Guid.NewGuid(), Now);

    [Fact]
    public void Record_KeepsTheVersionTheAnswersAndTheResult()
    {
        var input = Input(FirstYes(14), unknown: [20]) with { IncidentDates = [new(2025, 6, 1)] };

        var assessment = Record(OpenCase(), Dash, input);

        assessment.InstrumentId.ShouldBe("dash-ric");
        assessment.InstrumentVersion.ShouldBe(Dash.Version);
        assessment.YesItems.ShouldBe(FirstYes(14));
        assessment.UnknownItems.ShouldBe([20]);
        assessment.Score.ShouldBe(14m);
        assessment.FinalLevel.ShouldBe("high");
        assessment.CommonLevel.ShouldBe(CommonRiskLevel.High);
        assessment.Criteria.ShouldBe([ReferralCriteria.VisibleHighRisk]);
        assessment.ResultJson.ShouldBe(ScoreResultJson.Serialize(InstrumentScorer.Score(Dash, input)));
        assessment.IncidentDates.ShouldBe([new DateOnly(2025, 6, 1)]);
    }

    [Theory]
    [InlineData(14, HandlingTier.City, 7)]
    [InlineData(10, HandlingTier.District, 30)]
    [InlineData(0, HandlingTier.Community, 90)]
    public void Record_TakesTheTierAndTheReassessmentDateFromThePolicy(int yes, HandlingTier tier, int days)
    {
        var assessment = Record(OpenCase(), Dash, Input(FirstYes(yes)));

        assessment.HandlingTier.ShouldBe(tier);
        assessment.ReassessmentDue.ShouldBe(At.AddDays(days));
        assessment.PolicyVersion.ShouldBe(Policy.Version);
    }

    [Fact]
    public void Record_Unbanded_HasNoTierAndNoDueDate()
    {
        var assessment = Record(OpenCase(), DangerAssessment, Input(FirstYes(3)));

        assessment.FinalLevel.ShouldBeNull();
        assessment.HandlingTier.ShouldBeNull();
        assessment.ReassessmentDue.ShouldBeNull();
    }

    [Fact]
    public void Record_KeepsTheJudgementAndItsReason()
    {
        var input = Input(FirstYes(2)) with { Judgement = new ProfessionalJudgement("high", "  threats last night  ") };

        var assessment = Record(OpenCase(), Dash, input);

        assessment.ComputedLevel.ShouldBe("standard");
        assessment.FinalLevel.ShouldBe("high");
        assessment.Judgement.ShouldBe("high");
        assessment.JudgementReason.ShouldBe("threats last night");
        assessment.ResultJson.ShouldNotContain("threats last night");
    }

    [Fact]
    public void Record_OnAClosedCase_Throws()
    {
        var closed = OpenCase();
        closed.RequestClosure(Guid.NewGuid(), "test closure", 1, Now.AddDays(-1));
        closed.ApproveClosure(Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-1));

        Should.Throw<DomainRuleViolationException>(() => Record(closed, Dash, Input()))
            .Code.ShouldBe("assessment.case-closed");
    }

    [Fact]
    public void Record_DatedAfterTodayInBeijing_Throws()
    {
        // 2025-06-15 02:00 UTC is already 10:00 on the 15th in Beijing; the 16th is the future.
        Should.Throw<AssessmentValidationException>(() => Record(OpenCase(), Dash, Input() with { At = new DateOnly(2025, 6, 16) }))
            .Field.ShouldBe("at");
        Record(OpenCase(), Dash, Input() with { At = new DateOnly(2025, 6, 15) }).AssessmentDate.ShouldBe(new DateOnly(2025, 6, 15));
    }

    [Fact]
    public void Record_InvalidAnswers_ThrowTheScorersError()
    {
        Should.Throw<AssessmentValidationException>(() => Record(OpenCase(), Dash, Input([25]))).Field.ShouldBe("answers[25]");
        Should.Throw<AssessmentValidationException>(() => Record(OpenCase(), Dash, Input() with { EscalationOverride = new EscalationRule(3, 6) }))
            .Field.ShouldBe("escalationOverride");
        Should.Throw<AssessmentValidationException>(() => Record(OpenCase(), Dash, Input() with { Judgement = new ProfessionalJudgement("high", new string('x', 2001)) }))
            .Field.ShouldBe("judgementReason");
    }
}
