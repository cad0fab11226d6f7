using System.Text;
using System.Text.Json;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// The wire shape of a <see cref="ScoreResult"/>, shared by <c>lianhu score --json</c> and the API.
/// Written by hand so the order is fixed: the six contract fields
/// <c>instrument, version, score, level, referral, criteria</c> first, then
/// <c>computedLevel, commonLevel, unknown, explanations</c>. The score is a JSON number with no
/// trailing zeros (14, not 14.0).
/// </summary>
public static class ScoreResultJson
{
    public static string Serialize(ScoreResult result, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = InstrumentJsonOptions.Default.Encoder }))
            Write(writer, result);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ScoreResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("instrument", result.Instrument);
        writer.WriteNumber("version", result.Version);
        writer.WriteNumber("score", ScoreFormat.Normalize(result.Score));
        writer.WriteString("level", result.Level);
        writer.WriteBoolean("referral", result.Referral);
        writer.WriteStartArray("criteria");
        foreach (var criterion in result.Criteria)
            writer.WriteStringValue(criterion);
        writer.WriteEndArray();

        writer.WriteString("computedLevel", result.ComputedLevel);
        writer.WriteString("commonLevel", result.CommonLevel?.ToId());
        writer.WriteNumber("unknown", result.Unknown);
        writer.WriteStartArray("explanations");
        foreach (var line in result.Explanations)
        {
            writer.WriteStartObject();
            writer.WriteString("zh-CN", line.ZhCn);
            writer.WriteString("en", line.En);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
