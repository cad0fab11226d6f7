using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

/// <summary>Window (At − M months, At]; At = 2025-06-15, so the 12-month window is (2024-06-15, 2025-06-15].</summary>
public class PotentialEscalationTests
{
    private static ScoreResult ScoreWithIncidents(params DateOnly[] incidents) =>
        InstrumentScorer.Score(Dash, Input(FirstYes(2)) with { IncidentDates = incidents });

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void ThreeIncidentsInside_Fires()
    {
        var result = ScoreWithIncidents(D(2024, 7, 1), D(2025, 1, 1), D(2025, 6, 1));

        result.Criteria.ShouldBe([ReferralCriteria.PotentialEscalation]);
        result.Referral.ShouldBeTrue();
        result.Level.ShouldBe("standard");
        result.Explanations.ShouldContain(l => l.En == "3 incidents in (2024-06-15, 2025-06-15] ≥ 3 (3 in 12 months) → potential_escalation");
    }

    [Fact]
    public void IncidentExactlyMMonthsBeforeAt_IsOutside()
    {
        ScoreWithIncidents(D(2024, 6, 15), D(2025, 1, 1), D(2025, 6, 1)).Criteria.ShouldBeEmpty();
    }

    [Fact]
    public void IncidentTheDayAfterTheWindowStart_IsInside()
    {
        ScoreWithIncidents(D(2024, 6, 16), D(2025, 1, 1), D(2025, 6, 1)).Criteria.ShouldBe([ReferralCriteria.PotentialEscalation]);
    }

    [Fact]
    public void IncidentOnAt_IsInside()
    {
        ScoreWithIncidents(D(2024, 7, 1), D(2025, 1, 1), At).Criteria.ShouldBe([ReferralCriteria.PotentialEscalation]);
    }

    [Fact]
    public void IncidentsAfterAt_AreIgnored()
    {
        var result = ScoreWithIncidents(D(2025, 1, 1), D(2025, 6, 1), D(2025, 6, 16), D(2025, 12, 1));

        result.Criteria.ShouldBeEmpty();
        result.Explanations.ShouldContain(l => l.En.StartsWith("2 incidents in (2024-06-15, 2025-06-15] < 3", StringComparison.Ordinal));
    }

    [Fact]
    public void NMinusOneIncidents_DoesNotFire()
    {
        ScoreWithIncidents(D(2025, 1, 1), D(2025, 6, 1)).Criteria.ShouldBeEmpty();
    }

    [Fact]
    public void TwoIncidentsOnTheSameDay_CountTwice()
    {
        ScoreWithIncidents(D(2025, 1, 1), D(2025, 6, 1), D(2025, 6, 1)).Criteria.ShouldBe([ReferralCriteria.PotentialEscalation]);
    }

    [Fact]
    public void CityOverride_3In6_NarrowsTheWindow()
    {
        var incidents = new[] { D(2024, 12, 15), D(2025, 3, 1), D(2025, 6, 1) };
        var input = Input(FirstYes(2)) with { IncidentDates = incidents, EscalationOverride = new EscalationRule(3, 6) };

        var result = InstrumentScorer.Score(Dash, input);

        result.Criteria.ShouldBeEmpty();
        result.Explanations.ShouldContain(l => l.En == "2 incidents in (2024-12-15, 2025-06-15] < 3 (city setting: 3 in 6 months) → no potential_escalation");
    }

    [Fact]
    public void CityOverride_OnInstrumentWithoutTheCriterion_Throws()
    {
        var input = Input() with { EscalationOverride = new EscalationRule(3, 6) };

        Should.Throw<AssessmentValidationException>(() => InstrumentScorer.Score(Odara, input)).Field.ShouldBe("escalationOverride");
    }

    [Fact]
    public void CityOverride_WithZeroMonths_Throws()
    {
        var input = Input() with { EscalationOverride = new EscalationRule(3, 0) };

        Should.Throw<AssessmentValidationException>(() => InstrumentScorer.Score(Dash, input)).Field.ShouldBe("escalationOverride.months");
    }

    [Fact]
    public void Window_AtEndOfMonth_ClampsToTheShorterMonth()
    {
        var window = ReferralWindows.Escalation(new DateOnly(2025, 3, 31), 1);

        window.ShouldBe(new DateWindow(new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 31)));
        window.Contains(new DateOnly(2025, 2, 28)).ShouldBeFalse();
        window.Contains(new DateOnly(2025, 3, 1)).ShouldBeTrue();
    }
}
