using Lianhu.Domain.Access;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;

namespace Lianhu.Domain.Tests.Linkage;

/// <summary>A task's reason reveals what routed it; whoever may not read those sections sees the task without its reason.</summary>
public sealed class RoutingRevealsTests
{
    [Fact]
    public void EachCondition_RevealsItsSection()
    {
        new RoutingCondition { Levels = [CommonRiskLevel.High] }.Reveals().ShouldBe([CaseSection.Risk]);
        new RoutingCondition { Needs = ["legal-aid"] }.Reveals().ShouldBe([CaseSection.Incident]);
        new RoutingCondition { Violence = ["physical"] }.Reveals().ShouldBe([CaseSection.Incident]);
        new RoutingCondition { Victim = ["minor"] }.Reveals().ShouldBe([CaseSection.Identity]);
        new RoutingCondition { Victim = ["disabled"] }.Reveals().ShouldBe([CaseSection.Health]);
        new RoutingCondition { Victim = ["elderly", "disabled"] }.Reveals().OrderBy(s => s).ShouldBe([CaseSection.Identity, CaseSection.Health]);
        new RoutingCondition { Levels = [CommonRiskLevel.Low], Needs = ["mediation"] }.Reveals().OrderBy(s => s).ShouldBe([CaseSection.Incident, CaseSection.Risk]);
        new RoutingCondition().Reveals().ShouldBeEmpty();
    }
}
