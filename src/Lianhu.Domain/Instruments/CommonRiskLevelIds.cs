namespace Lianhu.Domain.Instruments;

/// <summary>The lower-case ids used for common levels in JSON, explanations and policy files.</summary>
public static class CommonRiskLevelIds
{
    public static string ToId(this CommonRiskLevel level) => level switch
    {
        CommonRiskLevel.Low => "low",
        CommonRiskLevel.Medium => "medium",
        CommonRiskLevel.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown common risk level."),
    };
}
