using System.Text.Json;
using System.Text.Json.Serialization;
using Lianhu.Domain.Common;

namespace Lianhu.Web.Features.Consultation;

/// <summary>Words in Chinese and English, JSON keys <c>zh-CN</c> and <c>en</c>.</summary>
public sealed record LocalizedWords(
    [property: JsonPropertyName("zh-CN")] IReadOnlyList<string> ZhCn,
    [property: JsonPropertyName("en")] IReadOnlyList<string> En)
{
    public IReadOnlyList<string> For(string language) => language == "en" ? En : ZhCn;
}

/// <summary>
/// One answer of the consultation assistant: the questions people ask it with, its title and
/// keywords (what the assistant matches against), the answer in plain words and the law it rests on.
/// </summary>
public sealed record ConsultationEntry(
    string Id,
    LocalizedText Title,
    LocalizedWords Questions,
    LocalizedWords Keywords,
    LocalizedText Answer,
    LocalizedText Sources)
{
    public const int MaxText = 2000;

    public const int MaxWords = 40;

    /// <summary>An entry's id: lower-case letters, digits and hyphens, as in the bundled file.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 2 and <= 60 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-' && id[^1] != '-';
}

/// <summary>How the assistant weighs questions (<c>config/consultation/assistant.json</c>).</summary>
public sealed record AssistantSettings(
    string Id,
    int Version,
    string Note,
    string Source,
    double Threshold,
    LocalizedWords Danger,
    LocalizedWords Ignore,
    LocalizedWords Emergency);

/// <summary>The bundled answers (<c>config/consultation/answers.json</c>).</summary>
public sealed record AnswerFile(string Id, int Version, string Note, string Source, IReadOnlyList<ConsultationEntry> Entries);

/// <summary>
/// The consultation assistant's data, read strictly once at startup (an unknown member or a missing
/// one stops the start naming the file), from the city's policy folder or the bundled <c>config/</c>.
/// </summary>
public sealed class ConsultationContent
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ConsultationContent(AssistantSettings settings, IReadOnlyList<ConsultationEntry> entries)
    {
        Settings = settings;
        Bundled = entries;
    }

    public AssistantSettings Settings { get; }

    /// <summary>The answers as shipped; edits made in the platform replace them by id.</summary>
    public IReadOnlyList<ConsultationEntry> Bundled { get; }

    public static ConsultationContent Load(string directory)
    {
        var settings = Read<AssistantSettings>(Path.Combine(directory, "assistant.json"));
        if (settings.Threshold is <= 0 or >= 1)
        {
            throw new InvalidDataException($"{Path.Combine(directory, "assistant.json")}: $.threshold must be between 0 and 1");
        }

        var answers = Read<AnswerFile>(Path.Combine(directory, "answers.json"));
        var duplicate = answers.Entries.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{Path.Combine(directory, "answers.json")}: entry id '{duplicate.Key}' appears twice");
        }

        if (answers.Entries.FirstOrDefault(e => !ConsultationEntry.IsValidId(e.Id)) is { } bad)
        {
            throw new InvalidDataException($"{Path.Combine(directory, "answers.json")}: entry id '{bad.Id}' is not lower-case letters, digits and hyphens");
        }

        return new ConsultationContent(settings, answers.Entries);
    }

    private static T Read<T>(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(file), Options) ?? throw new InvalidDataException($"{file}: empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file}: {ex.Path} {ex.Message}", ex);
        }
    }
}
