using System.Text.Json;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// Reads (and writes) instrument definition JSON. Every read is validated by
/// <see cref="InstrumentDefinitionValidator"/>; any problem, whether malformed JSON, a missing or
/// unknown field or a broken rule, surfaces as <see cref="InstrumentDefinitionException"/>.
/// </summary>
public static class InstrumentDefinitionJson
{
    public static InstrumentDefinition Parse(string json)
    {
        try
        {
            return Validated(JsonSerializer.Deserialize<InstrumentDefinition>(json, InstrumentJsonOptions.Default));
        }
        catch (JsonException ex)
        {
            throw FromJsonException(ex);
        }
    }

    public static InstrumentDefinition Load(Stream stream)
    {
        try
        {
            return Validated(JsonSerializer.Deserialize<InstrumentDefinition>(stream, InstrumentJsonOptions.Default));
        }
        catch (JsonException ex)
        {
            throw FromJsonException(ex);
        }
    }

    /// <summary>Loads one file; the file name is added to any error message.</summary>
    public static InstrumentDefinition LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InstrumentDefinitionException ex)
        {
            throw new InstrumentDefinitionException(ex.Field, $"{ex.Reason} (in {Path.GetFileName(path)})", ex);
        }
    }

    public static string Serialize(InstrumentDefinition definition) =>
        JsonSerializer.Serialize(definition, InstrumentJsonOptions.Default);

    private static InstrumentDefinition Validated(InstrumentDefinition? definition)
    {
        if (definition is null)
            throw new InstrumentDefinitionException("$", "the definition is empty (JSON null)");
        InstrumentDefinitionValidator.Validate(definition);
        return definition;
    }

    private static InstrumentDefinitionException FromJsonException(JsonException ex) =>
        new(JsonErrorPath.FieldOf(ex), ex.Message, ex);
}
