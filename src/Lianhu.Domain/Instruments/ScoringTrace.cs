namespace Lianhu.Domain.Instruments;

/// <summary>The intermediate facts of one scoring run, kept so explanations describe exactly what was computed.</summary>
internal sealed record ScoringTrace(
    InstrumentDefinition Definition,
    AnswerTally Tally,
    RiskBand? Band,
    string? ComputedLevel,
    JudgementOutcome? Judgement,
    bool VisibleHighRisk,
    EscalationCheck? Escalation,
    RepeatCheck? Repeat);

internal sealed record AnswerTally(decimal Score, int Yes, int Unknown, IReadOnlyList<InstrumentItem> YesItems);

/// <param name="Raised">The judgement was above the computed level and became the final level.</param>
/// <param name="Fires">The judgement is the instrument's top level: a referral criterion.</param>
internal sealed record JudgementOutcome(string Level, bool Raised, bool Fires);

internal sealed record EscalationCheck(EscalationRule Rule, bool IsOverride, DateWindow Window, int Count, bool Fired);

/// <param name="Window">Null when there is no last referral or no current incident date to compare.</param>
internal sealed record RepeatCheck(int Months, DateOnly? LastReferral, DateOnly? Incident, DateWindow? Window, bool Fired);
