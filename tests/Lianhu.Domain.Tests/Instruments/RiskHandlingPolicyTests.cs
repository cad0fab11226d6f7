using System.Text.Json.Nodes;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Instruments;

public class RiskHandlingPolicyTests
{
    private static readonly RiskHandlingPolicy Policy = RiskHandlingPolicyJson.LoadFile(RepoPaths.RiskHandlingPolicy);

    [Theory]
    [InlineData(CommonRiskLevel.Low, HandlingTier.Community, 90)]
    [InlineData(CommonRiskLevel.Medium, HandlingTier.District, 30)]
    [InlineData(CommonRiskLevel.High, HandlingTier.City, 7)]
    public void ShippedPolicy_MapsLevelToTierAndInterval(CommonRiskLevel level, HandlingTier tier, int days)
    {
        Policy.TierFor(level).ShouldBe(tier);
        Policy.RuleFor(level).ReassessEveryDays.ShouldBe(days);
    }

    [Fact]
    public void ShippedPolicy_NamesTheActingUnits()
    {
        Policy.Version.ShouldBe(1);
        Policy.RuleFor(CommonRiskLevel.Low).HandledBy.ShouldBe(["community-workstation"]);
        Policy.RuleFor(CommonRiskLevel.Medium).HandledBy.ShouldBe(["linkage-centre"]);
        Policy.RuleFor(CommonRiskLevel.High).HandledBy.ShouldBe(["linkage-centre", "leading-group"]);
    }

    [Fact]
    public void NextReassessmentDue_AddsTheIntervalInDays() =>
        Policy.NextReassessmentDue(CommonRiskLevel.High, new DateOnly(2025, 12, 28)).ShouldBe(new DateOnly(2026, 1, 4));

    [Fact]
    public void ScoredLevel_FlowsToTier()
    {
        var result = InstrumentScorer.Score(Shipped.Dash, Shipped.Input(Shipped.FirstYes(11)));

        Policy.TierFor(result.CommonLevel!.Value).ShouldBe(HandlingTier.District);
    }

    [Fact]
    public void MissingLevel_Throws_NamingIt()
    {
        var ex = Should.Throw<RiskHandlingPolicyException>(() => RiskHandlingPolicyJson.Parse(Changed(levels => levels.RemoveAt(1))));

        ex.Field.ShouldBe("levels[medium]");
    }

    [Fact]
    public void HigherLevelWithLongerInterval_Throws() =>
        Should.Throw<RiskHandlingPolicyException>(() => RiskHandlingPolicyJson.Parse(Changed(levels => levels[2]!["reassessEveryDays"] = 60)))
            .Field.ShouldBe("levels[high].reassessEveryDays");

    [Fact]
    public void HigherLevelWithLowerTier_Throws() =>
        Should.Throw<RiskHandlingPolicyException>(() => RiskHandlingPolicyJson.Parse(Changed(levels => levels[2]!["tier"] = "community")))
            .Field.ShouldBe("levels[high].tier");

    [Fact]
    public void UnknownTier_Throws_AtItsPath() =>
        Should.Throw<RiskHandlingPolicyException>(() => RiskHandlingPolicyJson.Parse(Changed(levels => levels[0]!["tier"] = "province")))
            .Field.ShouldBe("levels[0].tier");

    private static string Changed(Action<JsonArray> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(RepoPaths.RiskHandlingPolicy))!.AsObject();
        change(root["levels"]!.AsArray());
        return root.ToJsonString();
    }
}
