using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// The clock rules in force: <c>GET /api/v1/clock-rules</c> and <c>lianhu clock --list --json</c>
/// print the same array. Each entry starts with the contract fields id, unit, amount, source,
/// description; the rest (emergency amount, amount range, default reading, reminder lead) help people
/// read it.
/// </summary>
public static class ListClockRules
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clock-rules", (ClockRuleCatalogue catalogue) => TypedResults.Text(Serialize(catalogue), "application/json", Encoding.UTF8))
            .WithName("ListClockRules")
            .WithTags("Clocks")
            .WithSummary("The statutory and policy clock rules, with their sources and default readings");

    public static string Serialize(ClockRuleCatalogue catalogue, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            writer.WriteStartArray();
            foreach (var rule in catalogue.Rules)
            {
                Write(writer, rule);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, ClockRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("unit", rule.Unit.ToString().ToLowerInvariant());
        writer.WriteNumber("amount", rule.Amount);
        writer.WriteString("source", rule.Source.Combined);
        WriteText(writer, "description", rule.Description);
        if (rule.EmergencyAmount is { } emergency)
        {
            writer.WriteNumber("emergency_amount", emergency);
        }
        else
        {
            writer.WriteNull("emergency_amount");
        }

        if (rule.AmountRange is { } range)
        {
            writer.WriteStartObject("amount_range");
            writer.WriteNumber("min", range.Min);
            writer.WriteNumber("max", range.Max);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("amount_range");
        }

        writer.WriteString("reading", rule.DefaultReading.Id);
        if (rule.ReminderBefore is { } lead)
        {
            writer.WriteString("reminder_before", XmlConvert.ToString(lead));
        }
        else
        {
            writer.WriteNull("reminder_before");
        }

        WriteText(writer, "start_event", rule.StartEvent);
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("zh-CN", text.ZhCn);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }
}
