namespace Lianhu.Domain.Instruments;

/// <summary>
/// The platform-wide level every instrument level maps to; it drives the handling tier and the
/// reassessment interval. Declared in ascending order so comparisons mean "more serious".
/// </summary>
public enum CommonRiskLevel
{
    Low,
    Medium,
    High,
}
