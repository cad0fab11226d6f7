using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockExplanationTests
{
    [Fact]
    public void ExactInstantHours_ReadsAsInTheSpec()
    {
        var result = Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10));

        result.Explanation.En.ShouldBe("72 h from acceptance 2026-03-02 10:00 → due 2026-03-05 10:00 (ADVL Art 28)");
        result.Explanation.ZhCn.ShouldBe("自受理 2026-03-02 10:00 起 72 小时 → 2026-03-05 10:00 届满（《反家庭暴力法》第28条）");
    }

    [Fact]
    public void NextFullHour_ShowsWhereCountingStarts()
    {
        var result = Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10, 20), new ClockOptions { Emergency = true, HourReading = HourReading.NextFullHour });

        result.Explanation.En.ShouldBe("24 h (emergency) from acceptance 2026-03-02 10:20, counted from the next full hour 11:00 → due 2026-03-03 11:00 (ADVL Art 28)");
        result.Explanation.ZhCn.ShouldBe("情况紧急，自受理 2026-03-02 10:20 起 24 小时，从次时 11:00 起算 → 2026-03-03 11:00 届满（《反家庭暴力法》第28条）");
    }

    [Fact]
    public void HourRuleFromADate_SaysMidnightWasAssumed()
    {
        var result = Catalogue.Compute("community-placement", D(2026, 3, 2));

        result.Explanation.En.ShouldContain("on 2026-03-02 (time not given, taken as 00:00)");
        result.Explanation.ZhCn.ShouldContain("2026-03-02（未给出时刻，按 00:00 计）起");
    }

    [Fact]
    public void Rollover_NamesTheHolidayAndTheNewLastDay()
    {
        var result = Catalogue.Compute("po-reconsideration", D(2026, 9, 28));

        result.Explanation.En.ShouldBe("5 days from the ruling taking effect 2026-09-28 (start day not counted) → last day 2026-10-03 is a rest day (National Day holiday) → moved to the next working day 2026-10-08 → due 2026-10-08 24:00 (ADVL Art 31)");
        result.Explanation.ZhCn.ShouldBe("自裁定生效 2026-09-28 起 5 日（开始当日不计入）→ 最后一日 2026-10-03 为休息日（国庆节），顺延至 2026-10-08 → 2026-10-08 24:00 届满（《反家庭暴力法》第31条）");
    }

    [Fact]
    public void AdjustedWorkingDay_IsSaidNotMoved() =>
        Catalogue.Compute("po-reconsideration", D(2026, 10, 5)).Explanation.En.ShouldContain("last day 2026-10-10 (adjusted working day, not moved)");

    [Fact]
    public void NoRollover_IsSaid()
    {
        var result = Catalogue.Compute("po-validity", D(2026, 3, 2));

        result.Explanation.En.ShouldBe("6 months from the order being made 2026-03-02 (start day not counted) → last day 2026-09-02 (not moved off rest days) → due 2026-09-02 24:00 (ADVL Art 30)");
        result.Explanation.ZhCn.ShouldBe("自保护令作出 2026-03-02 起 6 个月（开始当日不计入）→ 最后一日 2026-09-02（不因休息日顺延）→ 2026-09-02 24:00 届满（《反家庭暴力法》第30条）");
    }

    [Fact]
    public void UncoveredYear_IsFlaggedInTheExplanationAndTheResult()
    {
        var result = Catalogue.Compute("po-reconsideration", D(2029, 12, 30));

        result.CalendarCovered.ShouldBeFalse();
        result.Explanation.En.ShouldEndWith("[holiday calendar does not cover 2030: only weekends counted as rest days]");
        result.Explanation.ZhCn.ShouldEndWith("［节假日日历未覆盖 2030 年，仅按周末认定休息日］");
    }

    [Fact]
    public void ProvisionalYear_IsFlaggedButCounted()
    {
        var result = Catalogue.Compute("po-reconsideration", D(2027, 3, 1));

        result.CalendarCovered.ShouldBeTrue();
        result.CalendarCoverage.ShouldBe(CalendarCoverage.Provisional);
        result.Explanation.En.ShouldEndWith("[the 2027 holiday calendar is provisional]");
    }
}
