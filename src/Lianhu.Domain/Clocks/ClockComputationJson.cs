using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// The JSON form of a computation for <c>lianhu clock … --json</c> and the API. The first five
/// fields are the contract — rule, due, last_day, reading, source — and come first in that order;
/// the rest are extras for people reading the output.
/// </summary>
public static class ClockComputationJson
{
    // Relaxed escaping keeps "+08:00" and Chinese readable; this output is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(ClockComputation result, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            Write(writer, result);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ClockComputation result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("rule", result.RuleId);
        writer.WriteString("due", ClockText.Iso(result.Due));
        if (result.LastDay is { } lastDay)
        {
            writer.WriteString("last_day", ClockText.Day(lastDay));
        }
        else
        {
            writer.WriteNull("last_day");
        }

        writer.WriteString("reading", result.Reading);
        writer.WriteString("source", result.Source.Combined);
        WriteText(writer, "explanation", result.Explanation);
        writer.WriteBoolean("calendar_covered", result.CalendarCovered);
        writer.WriteString("calendar_status", CalendarStatus(result.CalendarCoverage));
        WriteText(writer, "reading_text", result.ReadingText);
        writer.WriteString("unit", result.Period.Unit.ToString().ToLowerInvariant());
        writer.WriteNumber("amount", result.Period.Amount);
        writer.WriteBoolean("emergency", result.Emergency);
        writer.WriteString("start", result.Period.Start.Instant is { } instant ? ClockText.Iso(instant) : ClockText.Day(result.Period.Start.Day));
        writer.WriteString("counting_from", ClockText.Iso(result.Period.CountingFrom));
        writer.WriteEndObject();
    }

    /// <summary>"official", "provisional", "not-covered", or "not-used" when no calendar was needed.</summary>
    public static string CalendarStatus(CalendarCoverage? coverage) => coverage switch
    {
        null => "not-used",
        CalendarCoverage.Official => "official",
        CalendarCoverage.Provisional => "provisional",
        _ => "not-covered",
    };

    private static void WriteText(Utf8JsonWriter writer, string name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("zh-CN", text.ZhCn);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }
}
