using System.Text.Json;
using Lianhu.Domain.Instruments;
using static Lianhu.Domain.Tests.Instruments.Shipped;

namespace Lianhu.Domain.Tests.Instruments;

public class ScoreResultJsonTests
{
    [Fact]
    public void Serialize_PutsTheSixContractFieldsFirst_ThenTheExtras()
    {
        var json = ScoreResultJson.Serialize(InstrumentScorer.Score(Dash, Input(FirstYes(14))));

        using var doc = JsonDocument.Parse(json);
        doc.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["instrument", "version", "score", "level", "referral", "criteria", "computedLevel", "commonLevel", "unknown", "explanations"]);
        json.ShouldStartWith("""{"instrument":"dash-ric","version":1,"score":14,"level":"high","referral":true,"criteria":["visible_high_risk"],""");
    }

    [Fact]
    public void Serialize_WholeWeightedScore_HasNoDecimalPoint()
    {
        // Weights 1.5 + 0.5 = 2.0 as a decimal; it must print as 2.
        var definition = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);

        var result = InstrumentScorer.Score(definition, Input([1, 3]));

        ScoreResultJson.Serialize(result).ShouldContain("\"score\":2,");
        result.Explanations[0].En.ShouldStartWith("score 2 (weights of 2 yes of 3)");
    }

    [Fact]
    public void Serialize_FractionalScore_IsAJsonNumber()
    {
        var definition = InstrumentDefinitionJson.Parse(DefinitionJson.ValidJson);

        var json = ScoreResultJson.Serialize(InstrumentScorer.Score(definition, Input([1])));

        json.ShouldContain("\"score\":1.5,");
        json.ShouldContain("\"level\":\"high\"");
    }

    [Fact]
    public void Serialize_UnbandedResult_WritesNullLevels()
    {
        var json = ScoreResultJson.Serialize(InstrumentScorer.Score(DangerAssessment, Input(FirstYes(3))));

        json.ShouldContain("\"level\":null,\"referral\":false,\"criteria\":[]");
        json.ShouldContain("\"computedLevel\":null,\"commonLevel\":null,\"unknown\":0");
    }

    [Fact]
    public void Serialize_KeepsChineseAndSymbolsReadable()
    {
        var json = ScoreResultJson.Serialize(InstrumentScorer.Score(Dash, Input(FirstYes(14))));

        json.ShouldContain("\"zh-CN\":\"24 项中 14 项为“是” ≥ 14");
        json.ShouldContain("(band 14+)");
    }

    [Fact]
    public void Serialize_Indented_IsStillTheSameDocument()
    {
        var result = InstrumentScorer.Score(Odara, Input(FirstYes(5), unknown: [13]));

        using var compact = JsonDocument.Parse(ScoreResultJson.Serialize(result));
        using var indented = JsonDocument.Parse(ScoreResultJson.Serialize(result, indented: true));

        indented.RootElement.GetProperty("unknown").GetInt32().ShouldBe(1);
        indented.RootElement.GetRawText().Replace(" ", "").Replace("\n", "")
            .ShouldBe(compact.RootElement.GetRawText().Replace(" ", ""));
    }
}
