using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockStartTests
{
    [Fact]
    public void Parse_InstantWithOffset_KeepsTheInstant()
    {
        var start = ClockStart.Parse("2026-03-02T10:00:00+08:00");

        start.Instant.ShouldBe(Bj(2026, 3, 2, 10));
        start.Day.ShouldBe(D(2026, 3, 2));
    }

    [Fact]
    public void Parse_UtcInstant_IsExpressedInBeijingTimeAndDay()
    {
        var start = ClockStart.Parse("2026-03-02T16:30:00Z"); // 00:30 on 3 March in Beijing

        start.Instant!.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
        start.Instant.Value.ShouldBe(Bj(2026, 3, 3, 0, 30));
        start.Day.ShouldBe(D(2026, 3, 3));
    }

    [Theory]
    [InlineData("2026-03-02T10:00")]
    [InlineData("2026-03-02T10:00:00")]
    [InlineData("2026-03-02 10:00")]
    public void Parse_LocalTimeWithoutOffset_IsBeijingTime(string text) =>
        ClockStart.Parse(text).Instant.ShouldBe(Bj(2026, 3, 2, 10));

    [Fact]
    public void Parse_Date_IsADayWithoutTime()
    {
        var start = ClockStart.Parse("2026-03-02");

        start.HasTime.ShouldBeFalse();
        start.Day.ShouldBe(D(2026, 3, 2));
        start.EarliestInstant.ShouldBe(Bj(2026, 3, 2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-3-2")]
    [InlineData("2026-02-30")]
    [InlineData("2026-03-02T25:00")]
    [InlineData("2026-03-02T10:00+8")]
    [InlineData("02/03/2026")]
    [InlineData("tomorrow")]
    public void Parse_Garbage_ThrowsFormatException(string text) =>
        Should.Throw<FormatException>(() => ClockStart.Parse(text));

    [Fact]
    public void ToString_ShowsBeijingTimeOrDay()
    {
        ClockStart.At(Bj(2026, 3, 2, 10)).ToString().ShouldBe("2026-03-02 10:00");
        ClockStart.OnDay(D(2026, 3, 2)).ToString().ShouldBe("2026-03-02");
    }
}
