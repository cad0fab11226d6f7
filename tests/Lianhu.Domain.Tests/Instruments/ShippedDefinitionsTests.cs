using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Instruments;

public class ShippedDefinitionsTests
{
    public static TheoryData<string> ShippedFiles() =>
        new(Directory.GetFiles(RepoPaths.Instruments, "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void EveryShippedFile_LoadsAndValidates_AndIsNamedIdDotVersion(string fileName)
    {
        var definition = InstrumentDefinitionJson.LoadFile(Path.Combine(RepoPaths.Instruments, fileName));

        fileName.ShouldBe($"{definition.Id}.v{definition.Version}.json");
    }

    [Fact]
    public void LoadDirectory_ReadsTheFourShippedInstruments_AtVersion1()
    {
        Shipped.Catalogue.Ids().ShouldBe(["cn-three-level", "danger-assessment", "dash-ric", "odara"]);
        Shipped.Catalogue.All.ShouldAllBe(d => d.Version == 1);
    }

    [Fact]
    public void LoadDirectory_IgnoresTheExamplesSubfolder()
    {
        File.Exists(Path.Combine(RepoPaths.Instruments, "examples", "danger-assessment-weighted.example.json")).ShouldBeTrue();

        Shipped.Catalogue.Find("danger-assessment", 2).ShouldBeNull();
    }

    [Fact]
    public void WeightedDangerAssessmentExample_IsAValidDefinition()
    {
        var example = InstrumentDefinitionJson.LoadFile(Path.Combine(RepoPaths.Instruments, "examples", "danger-assessment-weighted.example.json"));

        example.Scoring.Kind.ShouldBe(ScoringKind.Weights);
        example.Bands.ShouldNotBeEmpty();
        example.LocalPolicyNote.ShouldNotBeNull().ShouldContain("EXAMPLE ONLY");
    }

    [Theory]
    [InlineData("dash-ric", 24)]
    [InlineData("danger-assessment", 20)]
    [InlineData("odara", 13)]
    [InlineData("cn-three-level", 12)]
    public void ShippedInstrument_HasTheExpectedNumberOfItems(string id, int items) =>
        Shipped.Get(id).Items.Count.ShouldBe(items);

    [Fact]
    public void ItemTexts_AreShortParaphrases_NotCopiesOfTheForms()
    {
        foreach (var item in Shipped.Catalogue.All.SelectMany(d => d.Items))
        {
            item.Text.En.Length.ShouldBeLessThanOrEqualTo(70, item.Key);
            item.Text.ZhCn.Length.ShouldBeLessThanOrEqualTo(24, item.Key);
        }
    }

    [Fact]
    public void Dash_HasLocalBandsAndMaracCriteria()
    {
        var dash = Shipped.Dash;

        dash.Bands.Select(b => (b.Level, b.Min, b.Max)).ShouldBe([("standard", 0m, 9m), ("medium", 10m, 13m), ("high", 14m, (decimal?)null)]);
        dash.Bands.ShouldAllBe(b => b.Label.En.Contains("local band"));
        dash.Criteria.VisibleHighRiskMinScore.ShouldBe(14);
        dash.Criteria.PotentialEscalation.ShouldBe(new EscalationRule(3, 12));
        dash.Criteria.RepeatWithinMonths.ShouldBe(12);
        dash.Criteria.ProfessionalJudgementAllowed.ShouldBeTrue();
    }

    [Fact]
    public void CnThreeLevel_IsLabelledLocalPolicy_WithRedFlagsForcingHigh()
    {
        var cn = Shipped.CnThreeLevel;

        cn.IsLocalPolicy.ShouldBeTrue();
        cn.LocalPolicyNote.ShouldNotBeNull().ShouldContain("city replaces it");
        cn.Items.Where(i => i.ForcesLevel == "high").Select(i => i.Key)
            .ShouldBe(["threat_to_life", "serious_injury", "weapon", "strangulation", "protection_order_breach"]);
    }

    [Fact]
    public void Odara_MapsCategoriesToCommonLevelsAsLocalPolicy()
    {
        var odara = Shipped.Odara;

        odara.CommonLevelMap.OrderBy(p => p.Key).Select(p => p.Value).ShouldBe(
        [
            CommonRiskLevel.Low, CommonRiskLevel.Low, CommonRiskLevel.Medium, CommonRiskLevel.Medium,
            CommonRiskLevel.High, CommonRiskLevel.High, CommonRiskLevel.High,
        ]);
        odara.LocalPolicyNote.ShouldNotBeNull().ShouldContain("local policy");
    }
}
