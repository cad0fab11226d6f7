using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianhu.Domain.Common;

/// <summary>
/// Strict reading of the camelCase policy files in <c>config/policies/</c>: unknown fields are errors
/// (a misspelt field must not fall back to a default), comments allowed, and every error a
/// <see cref="FormatException"/> naming the file and the JSON path.
/// </summary>
public static class PolicyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static T Read<T>(string json, string source)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"{source}: the file is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: {ex.Path}: {ex.Message}", ex);
        }
    }

    /// <summary>A text in zh-CN (authoritative) and English, as the policy files write it.</summary>
    public sealed class Bilingual
    {
        [JsonPropertyName("zh-CN")]
        public string? ZhCn { get; set; }

        public string? En { get; set; }
    }
}
