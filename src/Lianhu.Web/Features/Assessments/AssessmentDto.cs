using System.Text.Json;
using Lianhu.Domain.Assessments;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;

namespace Lianhu.Web.Features.Assessments;

/// <summary>A stored assessment as the API shows it: the answers given, the result and who assessed when.</summary>
public sealed record AssessmentDto(
    Guid Id,
    Guid CaseId,
    string Instrument,
    int Version,
    decimal Score,
    string? ComputedLevel,
    string? Level,
    string? CommonLevel,
    string? HandlingTier,
    bool Referral,
    IReadOnlyList<string> Criteria,
    int Unknown,
    IReadOnlyList<LocalizedText> Explanations,
    AnswersDto Answers,
    string? Judgement,
    string? JudgementReason,
    IReadOnlyList<DateOnly> Incidents,
    DateOnly? LastReferral,
    DateOnly? IncidentDate,
    DateOnly At,
    DateOnly? ReassessmentDue,
    int PolicyVersion,
    Guid AssessorUserId,
    Guid AssessorAgencyId,
    string? AssessorAgencyName,
    DateTimeOffset AssessedAt);

public sealed record AnswersDto(IReadOnlyList<int> Yes, IReadOnlyList<int> Unknown);

public static class AssessmentMapping
{
    public static AssessmentDto ToDto(this Assessment a, string? agencyName) => new(
        a.Id,
        a.CaseId,
        a.InstrumentId,
        a.InstrumentVersion,
        ScoreFormat.Normalize(a.Score),
        a.ComputedLevel,
        a.FinalLevel,
        a.CommonLevel?.ToId(),
        a.HandlingTier is { } tier ? StableName.Of(tier) : null,
        a.Referral,
        a.Criteria,
        a.UnknownCount,
        ExplanationsOf(a.ResultJson),
        new AnswersDto(a.YesItems, a.UnknownItems),
        a.Judgement,
        a.JudgementReason,
        a.IncidentDates,
        a.LastReferralDate,
        a.CurrentIncidentDate,
        a.AssessmentDate,
        a.ReassessmentDue,
        a.PolicyVersion,
        a.AssessorUserId,
        a.AssessorAgencyId,
        agencyName,
        a.AssessedAt);

    /// <summary>The explanation lines exactly as the scorer wrote them when the assessment was recorded.</summary>
    private static List<LocalizedText> ExplanationsOf(string resultJson)
    {
        using var doc = JsonDocument.Parse(resultJson);
        return [.. doc.RootElement.GetProperty("explanations").EnumerateArray()
            .Select(e => new LocalizedText(e.GetProperty("zh-CN").GetString()!, e.GetProperty("en").GetString()!))];
    }
}
