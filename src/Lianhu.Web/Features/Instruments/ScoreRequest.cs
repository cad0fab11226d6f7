using System.Globalization;
using Lianhu.Domain.Instruments;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// The answers to score, as the API takes them (and the CLI builds them from its options):
/// item numbers answered yes / unknown, an optional professional judgement with its reason, and
/// the dates the time-based criteria need (ISO <c>yyyy-MM-dd</c>). <see cref="Version"/> pins a
/// version; without it the latest is used.
/// </summary>
public record ScoreRequest
{
    public int[]? Yes { get; init; }

    public int[]? Unknown { get; init; }

    public string? Judgement { get; init; }

    public string? JudgementReason { get; init; }

    public string[]? Incidents { get; init; }

    public string? LastReferral { get; init; }

    public string? IncidentDate { get; init; }

    /// <summary>Assessment date; today in Beijing when absent.</summary>
    public string? At { get; init; }

    public int? Version { get; init; }

    /// <summary>
    /// Builds the domain input. Throws <see cref="AssessmentValidationException"/> naming the
    /// request field (e.g. <c>incidents[1]</c>, <c>judgement</c>) when something cannot be read.
    /// </summary>
    public AssessmentInput ToInput(DateOnly today) => new()
    {
        At = At is null ? today : Date("at", At),
        Answers = AssessmentInput.AnswersFrom(Yes ?? [], Unknown),
        Judgement = ReadJudgement(),
        IncidentDates = [.. (Incidents ?? []).Select((d, i) => Date($"incidents[{i}]", d))],
        LastReferralDate = LastReferral is null ? null : Date("lastReferral", LastReferral),
        CurrentIncidentDate = IncidentDate is null ? null : Date("incidentDate", IncidentDate),
    };

    /// <summary>The domain names two date fields after the record; callers know them by the request names.</summary>
    public static string FieldName(string domainField) => domainField switch
    {
        "currentIncidentDate" => "incidentDate",
        "lastReferralDate" => "lastReferral",
        _ => domainField,
    };

    private ProfessionalJudgement? ReadJudgement()
    {
        if (!string.IsNullOrWhiteSpace(Judgement))
        {
            return new ProfessionalJudgement(Judgement.Trim(), JudgementReason);
        }

        if (!string.IsNullOrWhiteSpace(JudgementReason))
        {
            throw new AssessmentValidationException("judgement", "a judgement reason was given without a judgement level");
        }

        return null;
    }

    private static DateOnly Date(string field, string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new AssessmentValidationException(field, $"'{text}' is not a date (yyyy-MM-dd)");
}
