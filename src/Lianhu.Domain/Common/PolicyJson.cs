using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianhu.Domain.Common;

/// <summary>
/// Strict reading of the configuration files: unknown fields are errors (a misspelt field must not
/// fall back to a default) and every error names the file and the JSON path. Two dialects: the
/// camelCase policy files in <c>config/policies/</c> (comments allowed, errors are
/// <see cref="FormatException"/>s) and the snake_case clock and calendar files in <c>config/clocks/</c>
/// and <c>config/calendars/</c> (no comments, the caller chooses the exception).
/// </summary>
public static class PolicyJson
{
    private static readonly JsonSerializerOptions CamelCase = Strict(JsonNamingPolicy.CamelCase, JsonCommentHandling.Skip);

    private static readonly JsonSerializerOptions SnakeCase = Strict(JsonNamingPolicy.SnakeCaseLower, JsonCommentHandling.Disallow);

    /// <summary>Builds the exception for a problem (e.g. the JSON reader's message) at a JSON path (<c>$</c> for the whole document).</summary>
    public delegate Exception ErrorAt(string path, string problem, Exception? inner);

    /// <summary>Reads a camelCase policy file; every error a <see cref="FormatException"/> "<c>source: path: problem</c>".</summary>
    public static T Read<T>(string json, string source)
        where T : class =>
        Read<T>(json, CamelCase, (path, problem, inner) => new FormatException($"{source}: {path}: {problem}", inner));

    /// <summary>Reads a snake_case clock or calendar file; every error is what <paramref name="error"/> builds.</summary>
    public static T ReadSnakeCase<T>(string json, ErrorAt error)
        where T : class =>
        Read<T>(json, SnakeCase, error);

    private static T Read<T>(string json, JsonSerializerOptions options, ErrorAt error)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options) ?? throw error("$", "the document is empty (null)", null);
        }
        catch (JsonException ex)
        {
            throw error(ex.Path ?? "$", ex.Message, ex);
        }
    }

    private static JsonSerializerOptions Strict(JsonNamingPolicy naming, JsonCommentHandling comments) => new()
    {
        PropertyNamingPolicy = naming,
        ReadCommentHandling = comments,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>A text in zh-CN (authoritative) and English, as the files write it (<c>{"zh-CN": …, "en": …}</c>).</summary>
    public sealed class Bilingual
    {
        [JsonPropertyName("zh-CN")]
        public string? ZhCn { get; set; }

        [JsonPropertyName("en")]
        public string? En { get; set; }
    }
}
