using System.Text.Json;
using Lianhu.Domain.Clocks;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockComputationJsonTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Serialize_PutsTheContractFieldsFirst_InOrder()
    {
        var json = ClockComputationJson.Serialize(Catalogue.Compute("po-ruling", Bj(2026, 3, 2, 10)));

        Parse(json).EnumerateObject().Take(5).Select(p => p.Name).ShouldBe(["rule", "due", "last_day", "reading", "source"]);
        json.ShouldStartWith("""{"rule":"po-ruling","due":"2026-03-05T10:00:00+08:00","last_day":null,"reading":"exact-instant","source":"《反家庭暴力法》第28条 / ADVL Art 28",""");
    }

    [Fact]
    public void Serialize_DayPeriod_GivesLastDayAndMidnightDue()
    {
        var root = Parse(ClockComputationJson.Serialize(Catalogue.Compute("po-reconsideration", D(2026, 9, 28))));

        root.GetProperty("last_day").GetString().ShouldBe("2026-10-08");
        root.GetProperty("due").GetString().ShouldBe("2026-10-09T00:00:00+08:00");
        root.GetProperty("calendar_covered").GetBoolean().ShouldBeTrue();
        root.GetProperty("calendar_status").GetString().ShouldBe("official");
    }

    [Fact]
    public void Serialize_IncludesBilingualExplanation()
    {
        var root = Parse(ClockComputationJson.Serialize(Catalogue.Compute("po-validity", D(2026, 3, 2))));

        root.GetProperty("explanation").GetProperty("en").GetString()!.ShouldStartWith("6 months from the order being made");
        root.GetProperty("explanation").GetProperty("zh-CN").GetString()!.ShouldStartWith("自保护令作出");
        root.GetProperty("calendar_status").GetString().ShouldBe("not-used");
    }

    [Fact]
    public void Serialize_UncoveredYear_SaysCalendarNotCovered()
    {
        var root = Parse(ClockComputationJson.Serialize(Catalogue.Compute("po-reconsideration", D(2030, 3, 4))));

        root.GetProperty("calendar_covered").GetBoolean().ShouldBeFalse();
        root.GetProperty("calendar_status").GetString().ShouldBe("not-covered");
    }

    [Fact]
    public void Serialize_KeepsFractionalSecondsOnlyWhenPresent()
    {
        var start = Bj(2026, 3, 2, 10).AddMilliseconds(250);

        var root = Parse(ClockComputationJson.Serialize(Catalogue.Compute("po-police-verification", start)));

        root.GetProperty("due").GetString().ShouldBe("2026-03-03T10:00:00.25+08:00");
    }
}
