using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// The one set of JSON options for instrument and policy files: camelCase names, enums as
/// kebab-case strings ("yes-no-unknown", "weights", "high"), and strict reading, because a typo
/// in a risk scale must fail at load time rather than silently drop a criterion.
/// </summary>
public static class InstrumentJsonOptions
{
    public static JsonSerializerOptions Default { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            // Chinese, "+" and "<" stay readable in files, CLI and API output. The output is served
            // as application/json or printed, never pasted raw into an HTML script block.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
