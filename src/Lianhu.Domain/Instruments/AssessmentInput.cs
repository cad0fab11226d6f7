namespace Lianhu.Domain.Instruments;

/// <summary>What a practitioner records for one assessment with one instrument.</summary>
public sealed record AssessmentInput
{
    /// <summary>Assessment date; the potential-escalation window ends here.</summary>
    public required DateOnly At { get; init; }

    /// <summary>Item number → answer. Items not listed count as <see cref="Answer.No"/>.</summary>
    public IReadOnlyDictionary<int, Answer> Answers { get; init; } = new Dictionary<int, Answer>();

    public ProfessionalJudgement? Judgement { get; init; }

    /// <summary>Dates of known incidents (include the current one if it should count). Two
    /// incidents on one day are listed twice; dates after <see cref="At"/> are ignored.</summary>
    public IReadOnlyList<DateOnly> IncidentDates { get; init; } = [];

    public DateOnly? LastReferralDate { get; init; }

    public DateOnly? CurrentIncidentDate { get; init; }

    /// <summary>A city's own "N incidents in M months" replacing the definition's setting
    /// (e.g. 3 in 6). Only allowed for instruments that have the criterion.</summary>
    public EscalationRule? EscalationOverride { get; init; }

    /// <summary>Builds answers the way the CLI takes them: <c>--yes 1,5,14 --unknown 3,4</c>.</summary>
    public static IReadOnlyDictionary<int, Answer> AnswersFrom(IEnumerable<int> yes, IEnumerable<int>? unknown = null)
    {
        var answers = new Dictionary<int, Answer>();
        foreach (var number in yes)
            answers[number] = Answer.Yes;
        foreach (var number in unknown ?? [])
        {
            if (answers.TryGetValue(number, out var existing) && existing == Answer.Yes)
                throw new AssessmentValidationException($"answers[{number}]", $"item {number} is listed both as yes and as unknown");
            answers[number] = Answer.Unknown;
        }

        return answers;
    }
}
