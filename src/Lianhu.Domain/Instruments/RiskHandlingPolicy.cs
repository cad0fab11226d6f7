namespace Lianhu.Domain.Instruments;

/// <summary>
/// Common risk level → handling tier and reassessment interval, loaded from
/// <c>config/policies/risk-handling.json</c> by <see cref="RiskHandlingPolicyJson"/>.
/// </summary>
public sealed record RiskHandlingPolicy
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public bool IsLocalPolicy { get; init; }

    public string? Note { get; init; }

    public required string Source { get; init; }

    /// <summary>Exactly one rule per common level (checked on load).</summary>
    public required IReadOnlyList<HandlingRule> Levels { get; init; }

    public HandlingRule RuleFor(CommonRiskLevel level) =>
        Levels.FirstOrDefault(r => r.CommonLevel == level)
        ?? throw new InvalidOperationException($"Risk handling policy v{Version} has no rule for '{level.ToId()}'; it was not validated.");

    public HandlingTier TierFor(CommonRiskLevel level) => RuleFor(level).Tier;

    /// <summary>The date the next assessment is due: <paramref name="assessedOn"/> plus the level's interval in days.</summary>
    public DateOnly NextReassessmentDue(CommonRiskLevel level, DateOnly assessedOn) =>
        assessedOn.AddDays(RuleFor(level).ReassessEveryDays);
}
