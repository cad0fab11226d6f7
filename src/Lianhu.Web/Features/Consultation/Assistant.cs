using System.Globalization;
using System.Text;

namespace Lianhu.Web.Features.Consultation;

/// <summary>One answer as she reads it.</summary>
public sealed record AssistantAnswer(string Id, string Title, string Text, string Sources, double Confidence);

/// <summary>An entry she may have meant, offered when no answer is confident enough.</summary>
public sealed record AssistantSuggestion(string Id, string Title);

/// <summary>
/// What the assistant says to a question: the emergency steps first when the question has danger
/// words in it; the answer when one is confident enough; else what she may have meant and the offer
/// of a person. Nothing of the question is kept.
/// </summary>
public sealed record AssistantReply(
    bool Danger,
    IReadOnlyList<string> Emergency,
    AssistantAnswer? Answer,
    IReadOnlyList<AssistantSuggestion> Suggestions,
    bool OfferPerson);

/// <summary>The consultation assistant: danger words, then retrieval with a confidence threshold (ADR 0036).</summary>
public sealed class Assistant(ConsultationContent content, AnswerBook book)
{
    public const int MaxQuestion = 500;

    public async Task<AssistantReply> AskAsync(string question, string language, CancellationToken ct)
    {
        language = language == "en" ? "en" : "zh-CN";
        var settings = content.Settings;
        var danger = HasDanger(question, settings);
        var index = await book.IndexAsync(ct);
        var hits = index.Search(question);
        var best = hits.Count > 0 ? hits[0] : null;
        var answer = best is not null && best.Confidence >= settings.Threshold ? Present(best, language) : null;
        var suggestions = answer is null
            ? hits.Where(h => h.Confidence > 0).Select(h => new AssistantSuggestion(h.Entry.Id, Pick(h.Entry.Title, language))).ToList()
            : [];
        return new AssistantReply(
            danger,
            danger ? settings.Emergency.For(language) : [],
            answer,
            suggestions,
            OfferPerson: answer is null);
    }

    /// <summary>One entry by id (a suggestion she picked).</summary>
    public async Task<AssistantAnswer?> EntryAsync(string id, string language, CancellationToken ct)
    {
        var index = await book.IndexAsync(ct);
        var entry = index.Entries.FirstOrDefault(e => e.Id == id);
        return entry is null ? null : Present(new AnswerHit(entry, 1), language == "en" ? "en" : "zh-CN");
    }

    /// <summary>Danger words are matched on the question as typed (width- and case-folded, spaces removed), not on segmented words: "要杀我" must not depend on how a segmenter splits it.</summary>
    public static bool HasDanger(string question, AssistantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folded = Fold(question);
        return settings.Danger.ZhCn.Concat(settings.Danger.En).Any(word => folded.Contains(Fold(word), StringComparison.Ordinal));
    }

    private static string Fold(string text)
    {
        var normalized = (text ?? string.Empty).Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
        return string.Concat(normalized.Where(c => !char.IsWhiteSpace(c)));
    }

    private static AssistantAnswer Present(AnswerHit hit, string language) =>
        new(hit.Entry.Id, Pick(hit.Entry.Title, language), Pick(hit.Entry.Answer, language), Pick(hit.Entry.Sources, language), hit.Confidence);

    private static string Pick(Lianhu.Domain.Common.LocalizedText text, string language) => language == "en" ? text.En : text.ZhCn;
}
