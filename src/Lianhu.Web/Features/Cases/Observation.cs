using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Injuries or weapons as reported: whether there were any, and what. The API accepts
/// <c>true</c>/<c>false</c>, a description (<c>"bruises on both arms"</c>, meaning present), or
/// <c>{"present": true, "details": "…"}</c>; it always answers with the object form.
/// </summary>
[JsonConverter(typeof(ObservationJsonConverter))]
public sealed record Observation(bool? Present, string? Details)
{
    public static readonly Observation Unknown = new(null, null);
}

public sealed class ObservationJsonConverter : JsonConverter<Observation>
{
    public override Observation? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new Observation(reader.GetBoolean(), null);
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? Observation.Unknown : new Observation(true, text);
            case JsonTokenType.StartObject:
                bool? present = null;
                string? details = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString();
                    reader.Read();
                    if (string.Equals(name, "present", StringComparison.OrdinalIgnoreCase))
                    {
                        present = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
                    }
                    else if (string.Equals(name, "details", StringComparison.OrdinalIgnoreCase))
                    {
                        details = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }

                return new Observation(present ?? (string.IsNullOrWhiteSpace(details) ? null : true), details);
            default:
                throw new JsonException("Expected true, false, a description or {\"present\", \"details\"}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, Observation value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(options.PropertyNamingPolicy?.ConvertName("Present") ?? "Present");
        if (value.Present is { } present)
        {
            writer.WriteBooleanValue(present);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString(options.PropertyNamingPolicy?.ConvertName("Details") ?? "Details", value.Details);
        writer.WriteEndObject();
    }
}
