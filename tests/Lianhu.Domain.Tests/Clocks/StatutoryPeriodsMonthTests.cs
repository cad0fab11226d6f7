using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class StatutoryPeriodsMonthTests
{
    private readonly StatutoryPeriods periods = new(Calendar);

    [Fact]
    public void LastDay_IsTheSameNumberedDayOfTheEndMonth()
    {
        var result = periods.AddMonths(ClockStart.OnDay(D(2026, 3, 2)), 6, rollover: false);

        result.LastDay.ShouldBe(D(2026, 9, 2));
        result.Due.ShouldBe(Bj(2026, 9, 3));
        result.Reading.Id.ShouldBe("months-exclusive-start-no-rollover");
    }

    [Fact]
    public void FromJanuary31_EndsOnFebruary28InACommonYear() =>
        periods.AddMonths(ClockStart.OnDay(D(2026, 1, 31)), 1, rollover: false).LastDay.ShouldBe(D(2026, 2, 28));

    [Fact]
    public void FromJanuary31_EndsOnFebruary29InALeapYear() =>
        periods.AddMonths(ClockStart.OnDay(D(2028, 1, 31)), 1, rollover: false).LastDay.ShouldBe(D(2028, 2, 29));

    [Fact]
    public void FromAugust31PlusSixMonths_EndsOnTheLastDayOfFebruary()
    {
        periods.AddMonths(ClockStart.OnDay(D(2026, 8, 31)), 6, rollover: false).LastDay.ShouldBe(D(2027, 2, 28));
        periods.AddMonths(ClockStart.OnDay(D(2027, 8, 31)), 6, rollover: false).LastDay.ShouldBe(D(2028, 2, 29));
    }

    [Fact]
    public void FromAugust31PlusSixMonths_WithRollover_LeavesTheWeekend()
    {
        var result = periods.AddMonths(ClockStart.OnDay(D(2026, 8, 31)), 6, rollover: true); // Sun 28 Feb 2027

        result.NominalLastDay.ShouldBe(D(2027, 2, 28));
        result.LastDay.ShouldBe(D(2027, 3, 1));
        result.CalendarCoverage.ShouldBe(CalendarCoverage.Provisional);
    }

    [Fact]
    public void Rollover_MovesALastDayOnNationalDay()
    {
        var result = periods.AddMonths(ClockStart.OnDay(D(2026, 4, 1)), 6, rollover: true);

        result.NominalLastDay.ShouldBe(D(2026, 10, 1));
        result.LastDay.ShouldBe(D(2026, 10, 8));
        result.Reading.Id.ShouldBe("months-exclusive-start-rollover");
    }

    [Fact]
    public void StartOnFebruary29_EndsOnThe29thWhereItExists() =>
        periods.AddMonths(ClockStart.OnDay(D(2028, 2, 29)), 1, rollover: false).LastDay.ShouldBe(D(2028, 3, 29));
}
