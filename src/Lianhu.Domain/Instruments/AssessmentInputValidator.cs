namespace Lianhu.Domain.Instruments;

/// <summary>Checks an <see cref="AssessmentInput"/> against the definition it is scored with.</summary>
public static class AssessmentInputValidator
{
    public static void Validate(InstrumentDefinition definition, AssessmentInput input)
    {
        ValidateAnswers(definition, input);
        ValidateJudgement(definition, input.Judgement);
        ValidateEscalationOverride(definition, input.EscalationOverride);
        if (input.CurrentIncidentDate > input.At)
            throw new AssessmentValidationException("currentIncidentDate", "must not be after the assessment date (at)");
        if (input.LastReferralDate > input.At)
            throw new AssessmentValidationException("lastReferralDate", "must not be after the assessment date (at)");
    }

    private static void ValidateAnswers(InstrumentDefinition definition, AssessmentInput input)
    {
        foreach (var (number, answer) in input.Answers.OrderBy(a => a.Key))
        {
            if (definition.FindItem(number) is null)
                throw new AssessmentValidationException($"answers[{number}]", $"item {number} does not exist in {definition.Id} v{definition.Version} (items 1–{definition.Items.Count})");
            if (!Enum.IsDefined(answer))
                throw new AssessmentValidationException($"answers[{number}]", $"'{answer}' is not yes, no or unknown");
        }

        var unknown = input.Answers.Values.Count(a => a == Answer.Unknown);
        if (definition.Scoring.MaxUnknownItems is { } max && unknown > max)
            throw new AssessmentValidationException("answers", $"{unknown} items are unknown; {definition.Id} must not be scored with more than {max} unknown items");
    }

    private static void ValidateJudgement(InstrumentDefinition definition, ProfessionalJudgement? judgement)
    {
        if (judgement is null)
            return;
        if (!definition.Criteria.ProfessionalJudgementAllowed)
            throw new AssessmentValidationException("judgement", $"{definition.Id} does not take a professional judgement");
        if (definition.RankOf(judgement.Level) < 0)
            throw new AssessmentValidationException("judgement", $"'{judgement.Level}' is not a level of {definition.Id} ({string.Join(", ", definition.OrderedLevels())})");
        if (string.IsNullOrWhiteSpace(judgement.Reason))
            throw new AssessmentValidationException("judgementReason", "a reason is required with a professional judgement");
    }

    private static void ValidateEscalationOverride(InstrumentDefinition definition, EscalationRule? rule)
    {
        if (rule is null)
            return;
        if (definition.Criteria.PotentialEscalation is null)
            throw new AssessmentValidationException("escalationOverride", $"{definition.Id} has no potential-escalation criterion to override");
        if (rule.Incidents < 1)
            throw new AssessmentValidationException("escalationOverride.incidents", "must be 1 or more");
        if (rule.Months < 1)
            throw new AssessmentValidationException("escalationOverride.months", "must be 1 or more");
    }
}
