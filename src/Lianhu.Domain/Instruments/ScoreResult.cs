using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>The outcome of scoring one assessment; <see cref="ScoreResultJson"/> gives its wire shape.</summary>
public sealed record ScoreResult
{
    public required string Instrument { get; init; }

    /// <summary>The definition version scored with; stored so the case keeps it.</summary>
    public required int Version { get; init; }

    /// <summary>Number of "yes" (count scoring) or sum of their weights; unknown answers add 0.</summary>
    public required decimal Score { get; init; }

    /// <summary>Level from the score band and red-flag items, before professional judgement; null when unbanded.</summary>
    public required string? ComputedLevel { get; init; }

    /// <summary>Final level: the computed level, raised (never lowered) by professional judgement.</summary>
    public required string? Level { get; init; }

    public required CommonRiskLevel? CommonLevel { get; init; }

    /// <summary>True when any referral criterion fired.</summary>
    public required bool Referral { get; init; }

    /// <summary>Fired criteria in the order of <see cref="ReferralCriteria"/>.</summary>
    public required IReadOnlyList<string> Criteria { get; init; }

    /// <summary>Number of items answered "unknown" (scored 0); non-zero means the result is flagged.</summary>
    public required int Unknown { get; init; }

    /// <summary>Why: one line per step, in Chinese and English.</summary>
    public required IReadOnlyList<LocalizedText> Explanations { get; init; }
}
