using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

/// <summary>Every rule of config/clocks/rules.json, computed from the real data files.</summary>
public class ClockRuleCatalogueTests
{
    [Fact]
    public void DataFile_HoldsEveryRequiredRule_WithBilingualSources()
    {
        // The issue's required ids, in this order, first; policy rules may follow.
        Catalogue.Rules.Select(r => r.Id).Take(12).ShouldBe(
        [
            "po-ruling", "po-police-verification", "po-validity", "po-reconsideration", "warning-followup",
            "community-placement", "shelter-stay", "return-visit-after-110", "minor-green-channel",
            "reassessment-high", "reassessment-medium", "reassessment-low",
        ]);
        Catalogue.Rules.Select(r => r.Id).ShouldBeUnique();
        Catalogue.Rules.Select(r => r.Id).ShouldContain("linkage-task");
        Catalogue.Rules.ShouldAllBe(r => r.Source.ZhCn.Length > 0 && r.Source.En.Length > 0 && r.Description.En.Length > 0);
    }

    [Fact]
    public void PoRuling_Is72HoursFromTheInstantOfAcceptance_AsTheIssueExampleReads()
    {
        var result = Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10));

        result.Due.ShouldBe(Bj(2026, 3, 5, 10));
        result.LastDay.ShouldBeNull();
        result.Reading.ShouldBe("exact-instant");
        result.Source.En.ShouldBe("ADVL Art 28");
    }

    [Fact]
    public void PoRuling_StartInsideAnHour_KeepsTheMinutes() =>
        Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10, 20)).Due.ShouldBe(Bj(2026, 3, 5, 10, 20));

    [Fact]
    public void PoRuling_Emergency_Is24Hours() =>
        Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10, 20), new ClockOptions { Emergency = true }).Due.ShouldBe(Bj(2026, 3, 3, 10, 20));

    [Fact]
    public void PoRuling_NextFullHourReading_RemainsAvailable()
    {
        var result = Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10), new ClockOptions { HourReading = HourReading.NextFullHour });

        result.Due.ShouldBe(Bj(2026, 3, 5, 11));
        result.Reading.ShouldBe("next-full-hour");
    }

    [Fact]
    public void PoPoliceVerification_Is24HoursFromTheInstant()
    {
        var result = Catalogue.Compute("po-police-verification", Bj(2026, 3, 2, 10, 20));

        result.Due.ShouldBe(Bj(2026, 3, 3, 10, 20));
        result.Reading.ShouldBe("exact-instant");
    }

    [Fact]
    public void PoValidity_IsSixMonths_NotMovedOffRestDays()
    {
        var result = Catalogue.Compute("po-validity", D(2026, 4, 1));

        result.LastDay.ShouldBe(D(2026, 10, 1)); // National Day: a validity does not stretch
        result.Due.ShouldBe(Bj(2026, 10, 2));
        result.Reading.ShouldBe("months-exclusive-start-no-rollover");
        result.CalendarCoverage.ShouldBeNull();
    }

    [Fact]
    public void PoValidity_ShorterValidity_CanBeChosen() =>
        Catalogue.Compute("po-validity", D(2026, 3, 2), new ClockOptions { Amount = 3 }).LastDay.ShouldBe(D(2026, 6, 2));

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    public void PoValidity_OutsideOneToSixMonths_IsRejected(int months) =>
        Should.Throw<InvalidClockRequestException>(() => Catalogue.Compute("po-validity", D(2026, 3, 2), new ClockOptions { Amount = months }))
            .Code.ShouldBe("clock.amount-out-of-range");

    [Fact]
    public void PoReconsideration_IsFiveDays_MovedOffNationalDay()
    {
        var result = Catalogue.Compute("po-reconsideration", D(2026, 9, 28));

        result.LastDay.ShouldBe(D(2026, 10, 8));
        result.Reading.ShouldBe("days-exclusive-start-rollover");
        result.CalendarCovered.ShouldBeTrue();
    }

    [Fact]
    public void WarningFollowup_Is90Days_NotMoved() =>
        Catalogue.Compute("warning-followup", D(2026, 3, 2)).LastDay.ShouldBe(D(2026, 5, 31)); // a Sunday, kept

    [Fact]
    public void CommunityPlacement_Is24Hours() =>
        Catalogue.Compute("community-placement", Bj(2026, 3, 2, 21, 15)).Due.ShouldBe(Bj(2026, 3, 3, 21, 15));

    [Fact]
    public void ShelterStay_Is10Days() =>
        Catalogue.Compute("shelter-stay", D(2026, 3, 2)).LastDay.ShouldBe(D(2026, 3, 12));

    [Fact]
    public void ReturnVisitAfter110_IsTheDayAfterTheIncident()
    {
        var result = Catalogue.Compute("return-visit-after-110", Bj(2026, 3, 2, 23, 10));

        result.LastDay.ShouldBe(D(2026, 3, 3));
        result.Due.ShouldBe(Bj(2026, 3, 4));
    }

    [Fact]
    public void MinorGreenChannel_Is24Hours() =>
        Catalogue.Compute("minor-green-channel", Bj(2026, 3, 2, 9, 5)).Due.ShouldBe(Bj(2026, 3, 3, 9, 5));

    [Theory]
    [InlineData("reassessment-high", 2026, 3, 9)]
    [InlineData("reassessment-medium", 2026, 4, 1)]
    [InlineData("reassessment-low", 2026, 5, 31)]
    public void Reassessments_Are7_30_90Days(string ruleId, int year, int month, int day) =>
        Catalogue.Compute(ruleId, D(2026, 3, 2)).LastDay.ShouldBe(D(year, month, day));
}
