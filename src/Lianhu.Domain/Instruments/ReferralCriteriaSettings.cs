namespace Lianhu.Domain.Instruments;

/// <summary>
/// Which MARAC-style referral criteria an instrument uses. A null setting means the criterion is
/// not part of this instrument and is never reported.
/// </summary>
public sealed record ReferralCriteriaSettings
{
    /// <summary>Score at or above which <c>visible_high_risk</c> fires (DASH: 14).</summary>
    public decimal? VisibleHighRiskMinScore { get; init; }

    public EscalationRule? PotentialEscalation { get; init; }

    /// <summary>A new incident within this many calendar months after the last referral is a <c>repeat</c>.</summary>
    public int? RepeatWithinMonths { get; init; }

    public bool ProfessionalJudgementAllowed { get; init; }
}
