using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>Shared JSON reading for the clock configuration files: strict, snake_case, dated fields as text.</summary>
internal static class ConfigJson
{
    // Unknown properties are errors: a misspelt "rollover" must not silently fall back to a default.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static T Deserialize<T>(string json, string document)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new ClockConfigurationException(document, "$", "the document is empty (null)");
        }
        catch (JsonException ex)
        {
            throw new ClockConfigurationException(document, ex.Path ?? "$", ex.Message, ex);
        }
    }

    public static T Required<T>(T? value, string document, string field)
        where T : class =>
        value ?? throw new ClockConfigurationException(document, field, "is required");

    public static int Required(int? value, string document, string field) =>
        value ?? throw new ClockConfigurationException(document, field, "is required");

    public static string RequiredText(string? value, string document, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ClockConfigurationException(document, field, "is required and must not be blank")
            : value;

    public static DateOnly Date(string? value, string document, string field)
    {
        var text = RequiredText(value, document, field);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ClockConfigurationException(document, field, $"'{text}' is not a date in the form YYYY-MM-DD");
    }

    public static LocalizedText Text(LocalizedTextDto? value, string document, string field)
    {
        var dto = Required(value, document, field);
        return new LocalizedText(
            RequiredText(dto.ZhCn, document, field + ".zh-CN"),
            RequiredText(dto.En, document, field + ".en"));
    }
}

internal sealed class LocalizedTextDto
{
    [JsonPropertyName("zh-CN")]
    public string? ZhCn { get; set; }

    [JsonPropertyName("en")]
    public string? En { get; set; }
}
