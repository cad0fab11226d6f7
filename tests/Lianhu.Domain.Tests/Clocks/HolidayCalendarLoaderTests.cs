using Lianhu.Domain.Clocks;

namespace Lianhu.Domain.Tests.Clocks;

public class HolidayCalendarLoaderTests
{
    private const string NationalDay = """{ "name": { "zh-CN": "国庆节", "en": "National Day" }, "from": "2026-10-01", "to": "2026-10-07" }""";

    private static string Calendar(string holidays = NationalDay, string workingDays = "\"2026-10-10\"", string yearExtras = "") => $$"""
        {
          "calendar": "test",
          "time_zone": "Asia/Shanghai",
          "years": [
            {
              "year": 2026, "status": "official",
              "source": { "zh-CN": "通知", "en": "notice" },
              {{yearExtras}}
              "holidays": [ {{holidays}} ],
              "adjusted_working_days": [ {{workingDays}} ]
            }
          ]
        }
        """;

    private static ClockConfigurationException Fails(string json) =>
        Should.Throw<ClockConfigurationException>(() => HolidayCalendarLoader.Parse(json, "test.json"));

    [Fact]
    public void Parse_ValidCalendar_Loads() =>
        HolidayCalendarLoader.Parse(Calendar()).IsRestDay(new DateOnly(2026, 10, 7)).ShouldBeTrue();

    [Fact]
    public void Parse_RangeEndingBeforeItStarts_NamesTheToField()
    {
        var ex = Fails(Calendar("""{ "name": { "zh-CN": "国庆节", "en": "National Day" }, "from": "2026-10-07", "to": "2026-10-01" }"""));

        ex.Field.ShouldBe("years[0].holidays[0].to");
        ex.Message.ShouldStartWith("test.json: years[0].holidays[0].to:");
    }

    [Fact]
    public void Parse_RangesOutOfOrder_NamesTheLaterRange()
    {
        var newYear = """{ "name": { "zh-CN": "元旦", "en": "New Year" }, "from": "2026-01-01", "to": "2026-01-03" }""";

        Fails(Calendar(NationalDay + "," + newYear)).Field.ShouldBe("years[0].holidays[1].from");
    }

    [Fact]
    public void Parse_DayBothHolidayAndWorkingDay_NamesTheWorkingDay()
    {
        var ex = Fails(Calendar(workingDays: "\"2026-10-03\""));

        ex.Field.ShouldBe("years[0].adjusted_working_days[0]");
        ex.Message.ShouldContain("both");
    }

    [Fact]
    public void Parse_AdjustedWorkingDayOnAWeekday_IsRejected() =>
        Fails(Calendar(workingDays: "\"2026-10-09\"")).Field.ShouldBe("years[0].adjusted_working_days[0]");

    [Fact]
    public void Parse_MalformedDate_NamesTheField() =>
        Fails(Calendar("""{ "name": { "zh-CN": "国庆节", "en": "National Day" }, "from": "2026/10/01", "to": "2026-10-07" }"""))
            .Field.ShouldBe("years[0].holidays[0].from");

    [Fact]
    public void Parse_DateOutsideTheYear_IsRejected() =>
        Fails(Calendar("""{ "name": { "zh-CN": "国庆节", "en": "National Day" }, "from": "2027-10-01", "to": "2027-10-07" }"""))
            .Field.ShouldBe("years[0].holidays[0].from");

    [Fact]
    public void Parse_MissingHolidayName_NamesTheField() =>
        Fails(Calendar("""{ "from": "2026-10-01", "to": "2026-10-07" }""")).Field.ShouldBe("years[0].holidays[0].name");

    [Fact]
    public void Parse_ProvisionalYearWithoutNote_IsRejected() =>
        Fails(Calendar().Replace("\"official\"", "\"provisional\"", StringComparison.Ordinal)).Field.ShouldBe("years[0].note");

    [Fact]
    public void Parse_UnknownStatus_IsRejected() =>
        Fails(Calendar().Replace("\"official\"", "\"draft\"", StringComparison.Ordinal)).Field.ShouldBe("years[0].status");

    [Fact]
    public void Parse_MisspeltProperty_IsRejectedNotIgnored() =>
        Fails(Calendar(yearExtras: "\"adjusted_workdays\": [],")).Message.ShouldContain("adjusted_workdays");

    [Fact]
    public void Parse_OtherTimeZone_IsRejected() =>
        Fails(Calendar().Replace("Asia/Shanghai", "UTC", StringComparison.Ordinal)).Field.ShouldBe("time_zone");

    [Fact]
    public void Parse_InvalidJson_Throws() => Fails("{ \"years\": [").Document.ShouldBe("test.json");

    [Fact]
    public void Parse_ProvisionalYear_ExposesItsStatus()
    {
        var json = Calendar().Replace("\"official\"", "\"provisional\", \"note\": \"derived\"", StringComparison.Ordinal);

        var calendar = HolidayCalendarLoader.Parse(json);

        calendar.CoverageOf(2026).ShouldBe(CalendarCoverage.Provisional);
        calendar.Years[0].Status.ShouldBe(CalendarYearStatus.Provisional);
    }
}
