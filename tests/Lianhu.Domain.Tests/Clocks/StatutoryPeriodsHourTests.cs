using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class StatutoryPeriodsHourTests
{
    private readonly StatutoryPeriods periods = new(Calendar);

    [Fact]
    public void ExactInstant_AddsHoursToTheStart()
    {
        var result = periods.AddHours(ClockStart.At(Bj(2026, 3, 2, 10, 20)), 72, HourReading.ExactInstant);

        result.Due.ShouldBe(Bj(2026, 3, 5, 10, 20));
        result.Reading.Id.ShouldBe("exact-instant");
        result.LastDay.ShouldBeNull();
    }

    [Fact]
    public void NextFullHour_CountsFromTheNextWholeHour()
    {
        var result = periods.AddHours(ClockStart.At(Bj(2026, 3, 2, 10, 20)), 72, HourReading.NextFullHour);

        result.CountingFrom.ShouldBe(Bj(2026, 3, 2, 11));
        result.Due.ShouldBe(Bj(2026, 3, 5, 11));
        result.Reading.Id.ShouldBe("next-full-hour");
    }

    [Fact]
    public void NextFullHour_StartExactlyOnTheHour_StillSkipsThatHour() =>
        periods.AddHours(ClockStart.At(Bj(2026, 3, 2, 10)), 72, HourReading.NextFullHour).Due.ShouldBe(Bj(2026, 3, 5, 11));

    [Fact]
    public void ExactInstant_StartExactlyOnTheHour_KeepsTheMinute() =>
        periods.AddHours(ClockStart.At(Bj(2026, 3, 2, 10)), 72, HourReading.ExactInstant).Due.ShouldBe(Bj(2026, 3, 5, 10));

    [Theory]
    [InlineData(HourReading.ExactInstant, 2, 0, 30)]
    [InlineData(HourReading.NextFullHour, 2, 1, 0)]
    public void AcrossMidnight_LandsOnTheNextDay(HourReading reading, int day, int hour, int minute) =>
        periods.AddHours(ClockStart.At(Bj(2026, 3, 1, 0, 30)), 24, reading).Due.ShouldBe(Bj(2026, 3, day, hour, minute));

    [Fact]
    public void AcrossMonthEnd_InANonLeapFebruary_LandsInMarch() =>
        periods.AddHours(ClockStart.At(Bj(2026, 2, 27, 22)), 72, HourReading.ExactInstant).Due.ShouldBe(Bj(2026, 3, 2, 22));

    [Fact]
    public void AcrossMonthEnd_InALeapFebruary_PassesThe29th() =>
        periods.AddHours(ClockStart.At(Bj(2028, 2, 27, 22)), 72, HourReading.ExactInstant).Due.ShouldBe(Bj(2028, 3, 1, 22));

    [Fact]
    public void NextFullHour_At2330OnNewYearsEve_CountsFromMidnight() =>
        periods.AddHours(ClockStart.At(Bj(2026, 12, 31, 23, 30)), 24, HourReading.NextFullHour).Due.ShouldBe(Bj(2027, 1, 2));

    [Fact]
    public void HourPeriods_DoNotRollOverHolidays() =>
        periods.AddHours(ClockStart.At(Bj(2026, 9, 30, 10)), 24, HourReading.ExactInstant).Due.ShouldBe(Bj(2026, 10, 1, 10));

    [Fact]
    public void StartInAnotherOffset_IsCountedOnBeijingTimeAndReportedAtPlus8()
    {
        var utcStart = new DateTimeOffset(2026, 3, 2, 2, 20, 0, TimeSpan.Zero); // 10:20 in Beijing

        var result = periods.AddHours(ClockStart.At(utcStart), 72, HourReading.NextFullHour);

        result.Due.ShouldBe(Bj(2026, 3, 5, 11));
        result.Due.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void DateOnlyStart_AssumesMidnight_AndSaysSo()
    {
        var result = periods.AddHours(ClockStart.OnDay(D(2026, 3, 2)), 24, HourReading.ExactInstant);

        result.Due.ShouldBe(Bj(2026, 3, 3));
        result.StartTimeAssumed.ShouldBeTrue();
    }

    [Fact]
    public void ZeroHours_IsRejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => periods.AddHours(ClockStart.At(Bj(2026, 3, 2)), 0, HourReading.ExactInstant));
}
