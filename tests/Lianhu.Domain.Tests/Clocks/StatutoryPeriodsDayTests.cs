using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class StatutoryPeriodsDayTests
{
    private readonly StatutoryPeriods periods = new(Calendar);

    [Fact]
    public void StartDayIsNotCounted_AndThePeriodEndsAt2400OfTheLastDay()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2026, 3, 2)), 4, rollover: true); // Monday + 4

        result.LastDay.ShouldBe(D(2026, 3, 6)); // Friday
        result.Due.ShouldBe(Bj(2026, 3, 7)); // 24:00 on the 6th = 00:00 on the 7th
        result.Due.Offset.ShouldBe(TimeSpan.FromHours(8));
        result.RolledOver.ShouldBeFalse();
        result.Reading.Id.ShouldBe("days-exclusive-start-rollover");
    }

    [Fact]
    public void TimeOfDayOfTheStart_DoesNotMatter() =>
        periods.AddDays(ClockStart.At(Bj(2026, 3, 2, 23, 59)), 4, rollover: true).LastDay.ShouldBe(D(2026, 3, 6));

    [Fact]
    public void LateEveningUtcStart_CountsFromTheBeijingDay() =>
        periods.AddDays(ClockStart.At(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero)), 5, rollover: true)
            .LastDay.ShouldBe(D(2026, 3, 9)); // 01:00 on 3 March in Beijing → last day 8 March (Sunday) → Monday

    [Fact]
    public void LastDayOnAWeekend_MovesToMonday()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2026, 3, 2)), 5, rollover: true); // nominal Sat 7 March

        result.NominalLastDay.ShouldBe(D(2026, 3, 7));
        result.LastDay.ShouldBe(D(2026, 3, 9));
        result.RestDaysSkipped.Count.ShouldBe(2);
        result.CalendarCoverage.ShouldBe(CalendarCoverage.Official);
    }

    [Fact]
    public void LastDayInsideNationalDay2026_MovesToTheFirstWorkingDayAfterIt()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2026, 9, 28)), 5, rollover: true); // nominal 3 October

        result.NominalLastDay.ShouldBe(D(2026, 10, 3));
        result.NominalLastDayKind!.Holiday!.Name.En.ShouldBe("National Day");
        result.LastDay.ShouldBe(D(2026, 10, 8));
        result.Due.ShouldBe(Bj(2026, 10, 9));
    }

    [Fact]
    public void LastDayOnAnAdjustedWorkingSaturday_IsNotMoved()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2026, 10, 5)), 5, rollover: true); // 10 October, 调休上班

        result.LastDay.ShouldBe(D(2026, 10, 10));
        result.RolledOver.ShouldBeFalse();
        result.NominalLastDayKind!.Kind.ShouldBe(DayKind.AdjustedWorkingDay);
    }

    [Fact]
    public void NoRollover_KeepsALastDayOnAHoliday()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2026, 9, 28)), 5, rollover: false);

        result.LastDay.ShouldBe(D(2026, 10, 3));
        result.Reading.Id.ShouldBe("days-exclusive-start-no-rollover");
        result.CalendarCoverage.ShouldBeNull(); // the calendar was not needed
    }

    [Fact]
    public void LastDayInTheProvisionalYear_IsFlaggedProvisional()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2027, 9, 30)), 1, rollover: true); // nominal 1 Oct 2027

        result.LastDay.ShouldBe(D(2027, 10, 6));
        result.CalendarCoverage.ShouldBe(CalendarCoverage.Provisional);
    }

    [Fact]
    public void LastDayOutsideTheCoveredYears_FallsBackToWeekendsAndIsFlagged()
    {
        var result = periods.AddDays(ClockStart.OnDay(D(2029, 12, 31)), 1, rollover: true); // 1 Jan 2030, a Tuesday

        result.LastDay.ShouldBe(D(2030, 1, 1)); // New Year is unknown to the calendar
        result.CalendarCoverage.ShouldBe(CalendarCoverage.NotCovered);
    }

    [Fact]
    public void OneDayPeriod_EndsTheNextDay() =>
        periods.AddDays(ClockStart.OnDay(D(2026, 3, 2)), 1, rollover: false).LastDay.ShouldBe(D(2026, 3, 3));
}
