using Lianhu.Domain.Clocks;

namespace Lianhu.Domain.Tests.Clocks;

public class ClockRuleCatalogueLoaderTests
{
    private const string Texts = """
        "start_event": { "zh-CN": "受理", "en": "acceptance" },
        "source": { "zh-CN": "来源", "en": "source" },
        "description": { "zh-CN": "说明", "en": "description" }
        """;

    private static string Rules(params string[] rules) => $$"""
        { "catalogue": "test", "version": 1, "time_zone": "Asia/Shanghai", "rules": [ {{string.Join(",", rules)}} ] }
        """;

    private static string Rule(string fields) => $$"""{ {{fields}}, {{Texts}} }""";

    private static ClockConfigurationException Fails(string json) =>
        Should.Throw<ClockConfigurationException>(() => ClockRuleCatalogueLoader.Parse(json, HolidayCalendar.WeekendsOnly, "rules.json"));

    [Fact]
    public void Parse_ValidRules_Load()
    {
        var catalogue = ClockRuleCatalogueLoader.Parse(
            Rules(Rule("\"id\": \"a\", \"unit\": \"hours\", \"amount\": 72, \"emergency_amount\": 24, \"hour_reading\": \"next-full-hour\"")),
            HolidayCalendar.WeekendsOnly);

        catalogue.Get("a").EmergencyAmount.ShouldBe(24);
    }

    [Fact]
    public void Parse_OnDue_DefaultsToBreach_AndReadsLapse()
    {
        var catalogue = ClockRuleCatalogueLoader.Parse(
            Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5, \"rollover\": false"),
                Rule("\"id\": \"b\", \"unit\": \"months\", \"amount\": 6, \"rollover\": false, \"on_due\": \"lapse\"")),
            HolidayCalendar.WeekendsOnly);

        catalogue.Get("a").OnDue.ShouldBe(ClockDueAction.Breach);
        catalogue.Get("b").OnDue.ShouldBe(ClockDueAction.Lapse);
        catalogue.Compute("b", new DateOnly(2026, 3, 2)).OnDue.ShouldBe(ClockDueAction.Lapse);
    }

    [Fact]
    public void Parse_UnknownOnDue_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5, \"rollover\": false, \"on_due\": \"expire\""))).Field.ShouldBe("rules[0].on_due");

    [Fact]
    public void Parse_DuplicateId_NamesTheSecond() =>
        Fails(Rules(
            Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5, \"rollover\": true"),
            Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 6, \"rollover\": true"))).Field.ShouldBe("rules[1].id");

    [Fact]
    public void Parse_HourRuleWithoutReading_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"hours\", \"amount\": 72"))).Field.ShouldBe("rules[0].hour_reading");

    [Fact]
    public void Parse_HourRuleWithRollover_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"hours\", \"amount\": 72, \"hour_reading\": \"exact-instant\", \"rollover\": true")))
            .Field.ShouldBe("rules[0].rollover");

    [Fact]
    public void Parse_DayRuleWithoutRolloverDecision_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5"))).Field.ShouldBe("rules[0].rollover");

    [Fact]
    public void Parse_UnknownUnit_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"weeks\", \"amount\": 1, \"rollover\": true"))).Field.ShouldBe("rules[0].unit");

    [Fact]
    public void Parse_EmergencyLongerThanNormal_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"hours\", \"amount\": 24, \"emergency_amount\": 72, \"hour_reading\": \"exact-instant\"")))
            .Field.ShouldBe("rules[0].emergency_amount");

    [Fact]
    public void Parse_RangeNotContainingTheDefault_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"months\", \"amount\": 6, \"amount_range\": { \"min\": 1, \"max\": 5 }, \"rollover\": false")))
            .Field.ShouldBe("rules[0].amount_range");

    [Fact]
    public void Parse_ZeroAmount_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 0, \"rollover\": true"))).Field.ShouldBe("rules[0].amount");

    [Fact]
    public void Parse_IdNotKebabCase_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"PO_Ruling\", \"unit\": \"days\", \"amount\": 5, \"rollover\": true"))).Field.ShouldBe("rules[0].id");

    [Fact]
    public void Parse_ReminderLeadTime_IsRead() =>
        ClockRuleCatalogueLoader.Parse(
            Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5, \"rollover\": true, \"reminder_before\": { \"unit\": \"days\", \"amount\": 2 }")),
            HolidayCalendar.WeekendsOnly).Get("a").ReminderBefore.ShouldBe(TimeSpan.FromDays(2));

    [Fact]
    public void Parse_ReminderInMonths_IsRejected() =>
        Fails(Rules(Rule("\"id\": \"a\", \"unit\": \"days\", \"amount\": 5, \"rollover\": true, \"reminder_before\": { \"unit\": \"months\", \"amount\": 1 }")))
            .Field.ShouldBe("rules[0].reminder_before.unit");

    [Fact]
    public void Parse_MissingEnglishSource_NamesTheField() =>
        Fails(Rules("""{ "id": "a", "unit": "days", "amount": 5, "rollover": true, "start_event": { "zh-CN": "受理", "en": "x" }, "source": { "zh-CN": "来源" }, "description": { "zh-CN": "说明", "en": "d" } }"""))
            .Field.ShouldBe("rules[0].source.en");
}
