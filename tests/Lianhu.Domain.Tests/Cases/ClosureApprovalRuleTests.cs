using Lianhu.Domain.Cases;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Cases;

public class ClosureApprovalRuleTests
{
    [Theory]
    [InlineData(CommonRiskLevel.High, 2)]
    [InlineData(CommonRiskLevel.Medium, 1)]
    [InlineData(CommonRiskLevel.Low, 1)]
    [InlineData(null, 1)]
    public void RequiredFor_TwoApproversOnlyForHighRisk(CommonRiskLevel? level, int required)
    {
        ClosureApprovalRule.RequiredFor(level).ShouldBe(required);
    }
}
