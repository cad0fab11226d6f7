namespace Lianhu.Domain.Instruments;

/// <summary>The criterion names reported in <see cref="ScoreResult.Criteria"/>, in reporting order.</summary>
public static class ReferralCriteria
{
    public const string VisibleHighRisk = "visible_high_risk";
    public const string ProfessionalJudgement = "professional_judgement";
    public const string PotentialEscalation = "potential_escalation";
    public const string Repeat = "repeat";
}
