using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Cases;

/// <summary>
/// How many supervisors must approve a closure, by the case's newest common risk level: two for a
/// high-risk case (four eyes on the riskiest decision), one otherwise, including a case never
/// assessed (ADR 0016, 0025).
/// </summary>
public static class ClosureApprovalRule
{
    public static int RequiredFor(CommonRiskLevel? newestLevel) => newestLevel == CommonRiskLevel.High ? 2 : 1;
}
