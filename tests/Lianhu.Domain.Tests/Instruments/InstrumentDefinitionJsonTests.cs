using System.Text.Json.Nodes;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Instruments;

public class InstrumentDefinitionJsonTests
{
    private static InstrumentDefinitionException Invalid(Action<JsonObject> change) =>
        Should.Throw<InstrumentDefinitionException>(() => InstrumentDefinitionJson.Parse(DefinitionJson.With(change)));

    [Fact]
    public void Parse_ValidDefinition_ReadsEveryField()
    {
        var d = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);

        d.Id.ShouldBe("test-scale");
        d.Items[0].Weight.ShouldBe(1.5m);
        d.Items[0].ForcesLevel.ShouldBe("high");
        d.Items[1].AnswerType.ShouldBe(AnswerType.YesNoUnknown);
        d.Scoring.Kind.ShouldBe(ScoringKind.Weights);
        d.Bands[2].Max.ShouldBeNull();
        d.Criteria.PotentialEscalation.ShouldBe(new EscalationRule(3, 12));
        d.CommonLevelMap["medium"].ShouldBe(CommonRiskLevel.Medium);
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var d = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);

        var json = InstrumentDefinitionJson.Serialize(d);

        json.ShouldContain("\"zh-CN\": \"测试量表\"");
        json.ShouldContain("\"kind\": \"weights\"");
        json.ShouldContain("\"answerType\": \"yes-no-unknown\"");
        InstrumentDefinitionJson.Parse(json).Items.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("Test_Scale")]
    [InlineData("test scale")]
    [InlineData("-test")]
    public void Id_NotKebabCase_NamesId(string id) =>
        Invalid(r => r["id"] = id).Field.ShouldBe("id");

    [Fact]
    public void Version_Zero_NamesVersion() =>
        Invalid(r => r["version"] = 0).Field.ShouldBe("version");

    [Fact]
    public void LocalPolicy_WithoutNote_NamesLocalPolicyNote() =>
        Invalid(r => r["isLocalPolicy"] = true).Field.ShouldBe("localPolicyNote");

    [Fact]
    public void Name_MissingChinese_NamesIt() =>
        Invalid(r => r["name"]!["zh-CN"] = " ").Field.ShouldBe("name.zh-CN");

    [Fact]
    public void Items_Duplicated_NamesTheNumber()
    {
        var ex = Invalid(r => r.Item(2)["number"] = 2);

        ex.Field.ShouldBe("items[2].number");
        ex.Message.ShouldContain("item number 2 appears more than once");
    }

    [Fact]
    public void Items_WithGap_NamesTheNumber()
    {
        var ex = Invalid(r => r.Item(2)["number"] = 4);

        ex.Field.ShouldBe("items[2].number");
        ex.Message.ShouldContain("expected 3, was 4");
    }

    [Fact]
    public void Items_Empty_NamesItems() =>
        Invalid(r => r["items"] = new JsonArray()).Field.ShouldBe("items");

    [Fact]
    public void Item_KeyNotSnakeCase_NamesKey() =>
        Invalid(r => r.Item(1)["key"] = "Second-Item").Field.ShouldBe("items[1].key");

    [Fact]
    public void Item_KeyDuplicated_NamesKey() =>
        Invalid(r => r.Item(1)["key"] = "first").Field.ShouldBe("items[1].key");

    [Fact]
    public void Item_NegativeWeight_NamesWeight()
    {
        var ex = Invalid(r => r.Item(1)["weight"] = -1);

        ex.Field.ShouldBe("items[1].weight");
        ex.Message.ShouldContain("must not be negative");
    }

    [Fact]
    public void Item_WeightUnderCountScoring_NamesWeight() =>
        Invalid(r => r["scoring"]!["kind"] = "count").Field.ShouldBe("items[0].weight");

    [Fact]
    public void Item_ForcesUnknownLevel_NamesForcesLevel()
    {
        var ex = Invalid(r => r.Item(0)["forcesLevel"] = "critical");

        ex.Field.ShouldBe("items[0].forcesLevel");
        ex.Message.ShouldContain("low, medium, high");
    }

    [Fact]
    public void Bands_Overlapping_NamesTheLaterMin()
    {
        var ex = Invalid(r => r.Band(1)["min"] = 1.5);

        ex.Field.ShouldBe("bands[1].min");
        ex.Message.ShouldContain("overlaps");
    }

    [Fact]
    public void Bands_OutOfOrder_NamesTheMin() =>
        Invalid(r => r.Band(2)["min"] = 1).Field.ShouldBe("bands[2].min");

    [Fact]
    public void Bands_WithAGapAScoreCanFallInto_NamesTheMin()
    {
        // Weights 1.5, 2 and 0.5 make every score a multiple of 0.5, so bands 0–1.5 and 2–2.5
        // touch; a weight of 0.25 makes a score of 1.75 possible, which no band holds.
        var ex = Invalid(r => r.Item(2)["weight"] = 0.25);

        ex.Field.ShouldBe("bands[1].min");
        ex.Message.ShouldContain("a score of 1.75 would have no band");
    }

    [Fact]
    public void Bands_FirstNotStartingAtZero_NamesMin() =>
        Invalid(r => r.Band(0)["min"] = 1).Field.ShouldBe("bands[0].min");

    [Fact]
    public void Bands_OpenEndedBeforeTheLast_NamesMax() =>
        Invalid(r => r.Band(0)["max"] = null).Field.ShouldBe("bands[0].max");

    [Fact]
    public void Bands_LastNotReachingTheMaximumScore_NamesMax()
    {
        var ex = Invalid(r => r.Band(2)["max"] = 3.5);

        ex.Field.ShouldBe("bands[2].max");
        ex.Message.ShouldContain("highest possible score is 4");
    }

    [Fact]
    public void Bands_MaxBelowMin_NamesMax() =>
        Invalid(r => r.Band(1)["max"] = 1.9).Field.ShouldBe("bands[1].max");

    [Fact]
    public void Bands_DuplicateLevel_NamesLevel() =>
        Invalid(r => r.Band(1)["level"] = "low").Field.ShouldBe("bands[1].level");

    [Fact]
    public void CommonLevelMap_MissingALevel_NamesTheLevel()
    {
        var ex = Invalid(r => r["commonLevelMap"]!.AsObject().Remove("medium"));

        ex.Field.ShouldBe("commonLevelMap.medium");
    }

    [Fact]
    public void CommonLevelMap_UnknownLevel_NamesIt() =>
        Invalid(r => r["commonLevelMap"]!["severe"] = "high").Field.ShouldBe("commonLevelMap.severe");

    [Fact]
    public void CommonLevelMap_Decreasing_NamesTheLevel() =>
        Invalid(r => r["commonLevelMap"]!["high"] = "low").Field.ShouldBe("commonLevelMap.high");

    [Fact]
    public void CommonLevelMap_UnknownCommonLevel_FailsOnThatField() =>
        Invalid(r => r["commonLevelMap"]!["high"] = "critical").Field.ShouldBe("commonLevelMap.high");

    [Fact]
    public void JudgementLevels_WithBands_NamesJudgementLevels() =>
        Invalid(r => r["judgementLevels"] = new JsonArray(new JsonObject { ["level"] = "x", ["label"] = new JsonObject { ["zh-CN"] = "x", ["en"] = "x" } }))
            .Field.ShouldBe("judgementLevels");

    [Fact]
    public void JudgementAllowed_WithoutAnyLevels_NamesTheSetting()
    {
        var ex = Invalid(r =>
        {
            r.Remove("bands");
            r["commonLevelMap"] = new JsonObject();
            r.Item(0).Remove("forcesLevel");
        });

        ex.Field.ShouldBe("criteria.professionalJudgementAllowed");
    }

    [Fact]
    public void Escalation_ZeroMonths_NamesTheField() =>
        Invalid(r => r["criteria"]!["potentialEscalation"]!["months"] = 0).Field.ShouldBe("criteria.potentialEscalation.months");

    [Fact]
    public void MaxUnknownItems_AboveItemCount_NamesTheField() =>
        Invalid(r => r["scoring"]!["maxUnknownItems"] = 4).Field.ShouldBe("scoring.maxUnknownItems");

    [Fact]
    public void UnknownProperty_IsRejected_NamingIt()
    {
        var ex = Invalid(r => r["criteria"]!["visibleHighRiskMinscore"] = 14);

        ex.Message.ShouldContain("visibleHighRiskMinscore");
    }

    [Fact]
    public void MissingRequiredProperty_IsRejected_NamingIt()
    {
        var ex = Invalid(r => r.Item(1).Remove("key"));

        ex.Message.ShouldContain("'key'");
    }

    [Fact]
    public void WrongEnumValue_IsRejected_AtItsPath()
    {
        var ex = Invalid(r => r["scoring"]!["kind"] = "sum");

        ex.Field.ShouldBe("scoring.kind");
    }

    [Fact]
    public void MalformedJson_IsAnInstrumentDefinitionException() =>
        Should.Throw<InstrumentDefinitionException>(() => InstrumentDefinitionJson.Parse("{ \"id\": "));

    [Fact]
    public void LoadFile_AddsTheFileNameToTheMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, DefinitionJson.With(r => r["version"] = 0));
        try
        {
            var ex = Should.Throw<InstrumentDefinitionException>(() => InstrumentDefinitionJson.LoadFile(path));

            ex.Field.ShouldBe("version");
            ex.Message.ShouldContain(Path.GetFileName(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Catalogue_SameIdAndVersionTwice_Throws()
    {
        var d = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);

        Should.Throw<InstrumentDefinitionException>(() => InstrumentCatalogue.From([d, d])).Field.ShouldBe("version");
    }

    [Fact]
    public void Catalogue_Latest_IsTheHighestVersion()
    {
        var v1 = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);
        var v2 = v1 with { Version = 2 };

        var catalogue = InstrumentCatalogue.From([v2, v1]);

        catalogue.Latest("test-scale").ShouldBeSameAs(v2);
        catalogue.Find("test-scale", 1).ShouldBeSameAs(v1);
        catalogue.Latest("nope").ShouldBeNull();
    }
}
