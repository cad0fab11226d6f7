using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class HolidayCalendarTests
{
    [Fact]
    public void IsRestDay_OnPublicHolidayWeekday_IsTrue() =>
        Calendar.IsRestDay(D(2026, 10, 1)).ShouldBeTrue(); // Thursday, National Day

    [Fact]
    public void IsRestDay_OnAdjustedWorkingSaturday_IsFalse() =>
        Calendar.IsRestDay(D(2026, 10, 10)).ShouldBeFalse(); // Saturday, 调休上班

    [Fact]
    public void IsRestDay_OnOrdinaryWeekendAndWeekday_FollowsTheWeek()
    {
        Calendar.IsRestDay(D(2026, 3, 7)).ShouldBeTrue(); // Saturday
        Calendar.IsRestDay(D(2026, 3, 9)).ShouldBeFalse(); // Monday
    }

    [Fact]
    public void Classify_PublicHoliday_NamesTheHoliday()
    {
        var day = Calendar.Classify(D(2026, 10, 3));

        day.Kind.ShouldBe(DayKind.PublicHoliday);
        day.Holiday!.Name.En.ShouldBe("National Day");
        day.Coverage.ShouldBe(CalendarCoverage.Official);
    }

    [Fact]
    public void Classify_AdjustedWorkingDay_IsNotARestDay()
    {
        var day = Calendar.Classify(D(2026, 2, 28));

        day.Kind.ShouldBe(DayKind.AdjustedWorkingDay);
        day.IsRestDay.ShouldBeFalse();
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_InsideNationalDay_IsTheFirstDayAfterIt() =>
        Calendar.NextWorkingDayOnOrAfter(D(2026, 10, 3)).ShouldBe(D(2026, 10, 8));

    [Fact]
    public void NextWorkingDayOnOrAfter_WorkingDay_IsItself() =>
        Calendar.NextWorkingDayOnOrAfter(D(2026, 10, 10)).ShouldBe(D(2026, 10, 10));

    [Fact]
    public void FindNextWorkingDay_ReportsSkippedRestDays()
    {
        var search = Calendar.FindNextWorkingDay(D(2026, 10, 3));

        search.RestDaysSkipped.Select(d => d.Date).ShouldBe([D(2026, 10, 3), D(2026, 10, 4), D(2026, 10, 5), D(2026, 10, 6), D(2026, 10, 7)]);
        search.Coverage.ShouldBe(CalendarCoverage.Official);
    }

    [Fact]
    public void Classify_OutsideCoveredYears_FallsBackToWeekendsAndSaysSo()
    {
        var newYear2030 = Calendar.Classify(D(2030, 1, 1)); // a Tuesday: a holiday in reality, unknown here

        newYear2030.Kind.ShouldBe(DayKind.Weekday);
        newYear2030.Coverage.ShouldBe(CalendarCoverage.NotCovered);
        Calendar.Classify(D(2030, 1, 5)).Kind.ShouldBe(DayKind.Weekend);
    }

    [Fact]
    public void FindNextWorkingDay_AcrossIntoUncoveredYear_ReportsNotCovered()
    {
        var search = Calendar.FindNextWorkingDay(D(2027, 12, 31)); // Friday in a provisional year

        search.WorkingDay.ShouldBe(D(2027, 12, 31));
        search.Coverage.ShouldBe(CalendarCoverage.Provisional);
        Calendar.FindNextWorkingDay(D(2028, 1, 1)).Coverage.ShouldBe(CalendarCoverage.NotCovered);
    }

    [Fact]
    public void Covers_OnlyTheLoadedYears()
    {
        Calendar.Covers(2025).ShouldBeTrue();
        Calendar.Covers(2027).ShouldBeTrue();
        Calendar.Covers(2024).ShouldBeFalse();
        Calendar.Covers(2028).ShouldBeFalse();
    }

    [Fact]
    public void WeekendsOnly_CoversNothing()
    {
        HolidayCalendar.WeekendsOnly.Covers(2026).ShouldBeFalse();
        HolidayCalendar.WeekendsOnly.IsRestDay(D(2026, 10, 1)).ShouldBeFalse();
    }
}
