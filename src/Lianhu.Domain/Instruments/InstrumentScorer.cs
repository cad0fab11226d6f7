namespace Lianhu.Domain.Instruments;

/// <summary>
/// Scores an assessment exactly as its definition says (domain brief §5, ADR 0005):
/// score → band level, raised by red-flag items (computed level), raised, never lowered, by
/// professional judgement (final level) → common level; referral when any criterion fires.
/// </summary>
public static class InstrumentScorer
{
    public static ScoreResult Score(InstrumentDefinition definition, AssessmentInput input)
    {
        AssessmentInputValidator.Validate(definition, input);

        var tally = Tally(definition, input.Answers);
        var band = definition.BandFor(tally.Score);
        var computed = Highest(definition, [band?.Level, .. tally.YesItems.Select(i => i.ForcesLevel)]);
        var judgement = Judge(definition, computed, input.Judgement);
        var level = judgement is { Raised: true } ? judgement.Level : computed;

        var trace = new ScoringTrace(
            definition,
            tally,
            band,
            computed,
            judgement,
            VisibleHighRisk: tally.Score >= definition.Criteria.VisibleHighRiskMinScore,
            CheckEscalation(definition, input),
            CheckRepeat(definition, input));

        var criteria = FiredCriteria(trace);
        return new ScoreResult
        {
            Instrument = definition.Id,
            Version = definition.Version,
            Score = tally.Score,
            ComputedLevel = computed,
            Level = level,
            CommonLevel = level is null ? null : definition.CommonLevelMap[level],
            Referral = criteria.Count > 0,
            Criteria = criteria,
            Unknown = tally.Unknown,
            Explanations = ScoreExplanations.For(trace, level, criteria),
        };
    }

    private static AnswerTally Tally(InstrumentDefinition definition, IReadOnlyDictionary<int, Answer> answers)
    {
        var yesItems = definition.Items.Where(i => answers.GetValueOrDefault(i.Number) == Answer.Yes).ToList();
        var score = definition.Scoring.Kind == ScoringKind.Count ? yesItems.Count : yesItems.Sum(i => i.Weight);
        var unknown = answers.Values.Count(a => a == Answer.Unknown);
        return new AnswerTally(ScoreFormat.Normalize(score), yesItems.Count, unknown, yesItems);
    }

    /// <summary>The most serious of the given levels by band order; null when none is given.</summary>
    private static string? Highest(InstrumentDefinition definition, IEnumerable<string?> levels) =>
        levels.OfType<string>().MaxBy(definition.RankOf);

    private static JudgementOutcome? Judge(InstrumentDefinition definition, string? computed, ProfessionalJudgement? judgement)
    {
        if (judgement is null)
            return null;
        var raised = computed is null || definition.RankOf(judgement.Level) > definition.RankOf(computed);
        return new JudgementOutcome(judgement.Level, raised, Fires: judgement.Level == definition.TopLevel());
    }

    private static EscalationCheck? CheckEscalation(InstrumentDefinition definition, AssessmentInput input)
    {
        if (definition.Criteria.PotentialEscalation is not { } configured)
            return null;
        var rule = input.EscalationOverride ?? configured;
        var window = ReferralWindows.Escalation(input.At, rule.Months);
        var count = ReferralWindows.CountIn(window, input.IncidentDates);
        return new EscalationCheck(rule, input.EscalationOverride is not null, window, count, count >= rule.Incidents);
    }

    private static RepeatCheck? CheckRepeat(InstrumentDefinition definition, AssessmentInput input)
    {
        if (definition.Criteria.RepeatWithinMonths is not { } months)
            return null;
        if (input.LastReferralDate is not { } lastReferral || input.CurrentIncidentDate is not { } incident)
            return new RepeatCheck(months, input.LastReferralDate, input.CurrentIncidentDate, null, false);
        var window = ReferralWindows.Repeat(lastReferral, months);
        return new RepeatCheck(months, lastReferral, incident, window, window.Contains(incident));
    }

    private static List<string> FiredCriteria(ScoringTrace trace)
    {
        var fired = new List<string>();
        if (trace.VisibleHighRisk)
            fired.Add(ReferralCriteria.VisibleHighRisk);
        if (trace.Judgement is { Fires: true })
            fired.Add(ReferralCriteria.ProfessionalJudgement);
        if (trace.Escalation is { Fired: true })
            fired.Add(ReferralCriteria.PotentialEscalation);
        if (trace.Repeat is { Fired: true })
            fired.Add(ReferralCriteria.Repeat);
        return fired;
    }
}
