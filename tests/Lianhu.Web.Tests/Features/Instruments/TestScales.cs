using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lianhu.Web.Tests.Features.Instruments;

/// <summary>Small local scales and API helpers for the instrument and assessment tests.</summary>
public static class TestScales
{
    /// <summary>A unique kebab-case id, so tests sharing a database never collide.</summary>
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A four-item count scale: low 0..(highMin-1), high highMin+.</summary>
    public static JsonObject Local(string id, int highMin = 2) => JsonNode.Parse($$$"""
        {
          "id": "{{{id}}}",
          "name": {"zh-CN": "测试量表", "en": "Test scale"},
          "source": "Lianhu tests",
          "isLocalPolicy": true,
          "localPolicyNote": "A scale made up for tests.",
          "items": [
            {"number": 1, "key": "a", "text": {"zh-CN": "甲", "en": "A"}},
            {"number": 2, "key": "b", "text": {"zh-CN": "乙", "en": "B"}},
            {"number": 3, "key": "c", "text": {"zh-CN": "丙", "en": "C"}},
            {"number": 4, "key": "d", "text": {"zh-CN": "丁", "en": "D"}}
          ],
          "scoring": {"kind": "count"},
          "bands": [
            {"level": "low", "min": 0, "max": {{{highMin - 1}}}, "label": {"zh-CN": "低", "en": "Low"}},
            {"level": "high", "min": {{{highMin}}}, "max": null, "label": {"zh-CN": "高", "en": "High"}}
          ],
          "criteria": {"visibleHighRiskMinScore": {{{highMin}}}, "professionalJudgementAllowed": true},
          "commonLevelMap": {"low": "low", "high": "high"}
        }
        """)!.AsObject();

    /// <summary>The latest definition as the API serves it, ready to edit into a revision.</summary>
    public static async Task<JsonObject> DefinitionAsync(HttpClient client, string id, int? version = null)
    {
        var response = await client.GetAsync($"/api/v1/instruments/{id}" + (version is { } v ? $"?version={v}" : string.Empty));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The errors of a 400 ValidationProblem, by field.</summary>
    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }
}
