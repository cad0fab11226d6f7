using System.Text.Json.Serialization;

namespace Lianhu.Domain.Instruments;

/// <summary>A short text in Simplified Chinese and English; JSON keys are <c>zh-CN</c> and <c>en</c>.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string ZhCn,
    [property: JsonPropertyName("en")] string En);
