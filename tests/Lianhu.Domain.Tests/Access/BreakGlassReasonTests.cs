using Lianhu.Domain.Access;
using Lianhu.Domain.Common;

namespace Lianhu.Domain.Tests.Access;

public sealed class BreakGlassReasonTests
{
    [Theory]
    [InlineData("..........")]
    [InlineData("。。。。。。。。。。。。")]
    [InlineData("aaaaaaaaaaaaaa")]
    [InlineData("1 1 1 1 1 1 1 1 1 1 1")]
    [InlineData("测试测试测试测试测试测试")]
    [InlineData("abababababababab")]
    [InlineData("紧急！")]
    [InlineData("")]
    [InlineData(null)]
    public void Filler_IsNotAReason(string? reason)
    {
        BreakGlassGrant.IsMeaningfulReason(reason).ShouldBeFalse();
        Should.Throw<DomainRuleViolationException>(() => BreakGlassGrant.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), reason!, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("110 指令：受害人称施暴者正在门外，需核实住址")]
    [InlineData("受害人来电称被持刀威胁，需立即出警")]
    [InlineData("Caller reports the abuser is at the door")]
    public void AReasonAReviewerCanJudge_Opens(string reason)
    {
        BreakGlassGrant.IsMeaningfulReason(reason).ShouldBeTrue();
        BreakGlassGrant.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), reason, DateTimeOffset.UnixEpoch, TimeSpan.FromHours(2)).Reason.ShouldBe(reason);
    }
}
