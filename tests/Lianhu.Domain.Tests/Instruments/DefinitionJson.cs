using System.Text.Json.Nodes;

namespace Lianhu.Domain.Tests.Instruments;

/// <summary>A small valid definition to break one field at a time in validation tests.</summary>
internal static class DefinitionJson
{
    private const string Valid = """
        {
          "id": "test-scale",
          "version": 1,
          "name": { "zh-CN": "测试量表", "en": "Test scale" },
          "source": "unit test",
          "items": [
            { "number": 1, "key": "first", "text": { "zh-CN": "一", "en": "one" }, "weight": 1.5, "forcesLevel": "high" },
            { "number": 2, "key": "second", "text": { "zh-CN": "二", "en": "two" }, "weight": 2 },
            { "number": 3, "key": "third", "text": { "zh-CN": "三", "en": "three" }, "weight": 0.5 }
          ],
          "scoring": { "kind": "weights" },
          "bands": [
            { "level": "low", "min": 0, "max": 1.5, "label": { "zh-CN": "低", "en": "Low" } },
            { "level": "medium", "min": 2, "max": 2.5, "label": { "zh-CN": "中", "en": "Medium" } },
            { "level": "high", "min": 3, "max": null, "label": { "zh-CN": "高", "en": "High" } }
          ],
          "criteria": { "visibleHighRiskMinScore": 3, "potentialEscalation": { "incidents": 3, "months": 12 }, "repeatWithinMonths": 12, "professionalJudgementAllowed": true },
          "commonLevelMap": { "low": "low", "medium": "medium", "high": "high" }
        }
        """;

    public static string ValidJson => Valid;

    public static string With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Valid)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonObject Item(this JsonObject root, int index) => root["items"]![index]!.AsObject();

    public static JsonObject Band(this JsonObject root, int index) => root["bands"]![index]!.AsObject();
}
