using System.Text.Json.Serialization;

namespace Lianhu.Domain.Common;

/// <summary>
/// A short text in simplified Chinese (zh-CN, the authoritative wording) and English, used by the
/// instruments and the clocks alike; JSON keys are <c>zh-CN</c> and <c>en</c>.
/// </summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("zh-CN")] string ZhCn,
    [property: JsonPropertyName("en")] string En)
{
    /// <summary>"中文 / English", the form used where one combined string is wanted (JSON <c>source</c>).</summary>
    [JsonIgnore]
    public string Combined => $"{ZhCn} / {En}";
}
