using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Visits;

namespace Lianhu.Domain.Tests.Visits;

public class ReturnVisitPolicyTests
{
    private static string ShippedPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Lianhu.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "config", "policies", "return-visits.json");
    }

    private const string Reason = """{ "zh-CN": "回访", "en": "visit" }""";

    private static string Events(string extra = "") => $$"""
        "events": {
          "warning-letter": { "agency": "police-station", "clock": "warning-followup", "reason": {{Reason}} },
          "protection-order": { "agency": "police-station", "days": 7, "reason": {{Reason}} },
          "shelter-exit": { "agency": "residents-committee", "days": 7, "reason": {{Reason}} }{{extra}}
        }
        """;

    private const string Police110 = """, "police-110": { "agency": "womens-federation", "clock": "return-visit-after-110", "reason": { "zh-CN": "回访", "en": "visit" } }""";

    private static string Json(string levels, string events) => $$"""
        { "version": 9, "levels": { {{levels}} }, {{events}}, "unreachableEscalateAfter": 3 }
        """;

    private static FormatException Fails(string json) => Should.Throw<FormatException>(() => ReturnVisitPolicy.Parse(json, "t.json"));

    [Fact]
    public void Shipped_HighRisk_IsThePoliceStationWeekly_AndTheWomensFederationMonthly_LowRisk_TheResidentsCommitteeOnce()
    {
        var policy = ReturnVisitPolicy.Load(ShippedPath());

        var high = policy.PlansFor(CommonRiskLevel.High);
        high.Single(p => p.Agency == AgencyType.PoliceStation).Days.ShouldBe([7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84]);
        high.Single(p => p.Agency == AgencyType.WomensFederation).Days.ShouldBe([30, 60, 90]);
        policy.PlansFor(CommonRiskLevel.Low).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Agency.ShouldBe(AgencyType.ResidentsCommittee), p => p.Days.ShouldBe([30]));
        policy.For(VisitEvent.WarningLetter).ShouldSatisfyAllConditions(e => e.Agency.ShouldBe(AgencyType.PoliceStation), e => e.ClockRule.ShouldBe("warning-followup"));
        policy.For(VisitEvent.Police110).Agency.ShouldBe(AgencyType.WomensFederation);
        policy.For(VisitEvent.ShelterExit).Days.ShouldNotBeNull();
    }

    [Fact]
    public void Parse_AnEventWithBothClockAndDays_IsRejected() =>
        Fails(Json(
            $$"""
            "low": [ { "agency": "residents-committee", "days": [30], "reason": {{Reason}} } ]
            """,
            Events(""", "police-110": { "agency": "womens-federation", "clock": "x", "days": 1, "reason": { "zh-CN": "回访", "en": "visit" } }""")))
            .Message.ShouldContain("events.police-110");

    [Fact]
    public void Parse_AMissingEvent_IsRejected() =>
        Fails(Json($$""" "low": [ { "agency": "residents-committee", "days": [30], "reason": {{Reason}} } ] """, Events())).Message.ShouldContain("police-110");

    [Fact]
    public void Parse_AnUnknownAgencyType_OrField_IsRejected()
    {
        Fails(Json($$""" "low": [ { "agency": "village-elder", "days": [30], "reason": {{Reason}} } ] """, Events(Police110))).Message.ShouldContain("village-elder");
        Should.Throw<System.Text.Json.JsonException>(() => ReturnVisitPolicy.Parse(
            Json($$""" "low": [ { "agency": "residents-committee", "days": [30], "weekday": 1, "reason": {{Reason}} } ] """, Events(Police110)), "t.json"));
    }

    [Fact]
    public void Parse_TheSameAgencyTwiceInALevel_IsRejected() =>
        Fails(Json(
            $$"""
            "low": [ { "agency": "residents-committee", "days": [30], "reason": {{Reason}} }, { "agency": "residents-committee", "days": [60], "reason": {{Reason}} } ]
            """,
            Events(Police110))).Message.ShouldContain("twice");
}
