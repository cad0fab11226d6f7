using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Linkage;

public class CaseTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Centre = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();

    private static CaseTask New() => CaseTask.Route(Guid.NewGuid(), Guid.NewGuid(),
        new RoutedTask(5, 1, "punish", Guid.NewGuid(), AgencyType.PoliceStation, Tier.Town, null, 24, new RoutingText("中高风险", "medium or high risk")),
        Centre, Now.AddHours(24), User, Now);

    [Fact]
    public void AHeldTask_IsNotOpen_UntilReleased_AndReleasesOnce()
    {
        var routed = new RoutedTask(7, 1, "counsel", Guid.NewGuid(), AgencyType.CounsellingCentre, Tier.District, null, 72, new RoutingText("需要心理疏导", "counselling needed"));
        var task = CaseTask.RouteHeld(Guid.NewGuid(), Guid.NewGuid(), routed, Centre, Now.AddHours(72), User, Now);
        task.Status.ShouldBe(CaseTaskStatus.Held);
        task.IsOpen.ShouldBeFalse();
        Should.Throw<DomainRuleViolationException>(() => task.Accept(Now)).Code.ShouldBe("task.illegal-move");

        var clock = Guid.NewGuid();
        task.Release(clock, Now.AddDays(5), Now.AddDays(2));

        task.Status.ShouldBe(CaseTaskStatus.Created);
        task.ClockId.ShouldBe(clock);
        task.DueAt.ShouldBe(Now.AddDays(5));
        Should.Throw<DomainRuleViolationException>(() => task.Release(clock, Now.AddDays(6), Now.AddDays(3))).Code.ShouldBe("task.illegal-move");
    }

    [Fact]
    public void OnlyANewTaskWithoutAClock_CanBeHeld()
    {
        var fresh = CaseTask.Request(Guid.NewGuid(), Guid.NewGuid(), CaseTaskKind.ConferenceDecision, Guid.NewGuid(), AgencyType.CounsellingCentre, Tier.District, Centre,
            new RoutingText("个案会商决定", "case conference decision"), "心理疏导", Now.AddHours(48), User, Now);
        fresh.Hold().Status.ShouldBe(CaseTaskStatus.Held);
        Should.Throw<DomainRuleViolationException>(() => fresh.Hold()).Code.ShouldBe("task.illegal-move");

        var clocked = New();
        clocked.AttachClock(Guid.NewGuid());
        Should.Throw<DomainRuleViolationException>(() => clocked.Hold()).Code.ShouldBe("task.illegal-move");

        var accepted = New();
        accepted.Accept(Now.AddMinutes(1));
        Should.Throw<DomainRuleViolationException>(() => accepted.Hold()).Code.ShouldBe("task.illegal-move");
    }

    [Fact]
    public void AHeldTask_MayBeCancelled()
    {
        var routed = new RoutedTask(18, 1, "follow-up", Guid.NewGuid(), AgencyType.SocialWorkGroup, Tier.District, null, 168, new RoutingText("社工", "social work"));
        var task = CaseTask.RouteHeld(Guid.NewGuid(), Guid.NewGuid(), routed, Centre, Now.AddHours(168), User, Now);

        task.Cancel(User, "victim refused consent", Now.AddHours(1));

        task.Status.ShouldBe(CaseTaskStatus.Cancelled);
    }

    [Fact]
    public void Created_Accepted_InProgress_Completed()
    {
        var task = New();
        task.Status.ShouldBe(CaseTaskStatus.Created);
        task.Accept(Now.AddMinutes(1));
        task.Start(Now.AddMinutes(2));
        task.Complete(User, "warning letter issued", Now.AddMinutes(3));

        task.Status.ShouldBe(CaseTaskStatus.Completed);
        task.ClosingText.ShouldBe("warning letter issued");
        task.IsOpen.ShouldBeFalse();
        task.Version.ShouldBe(4);
    }

    private static CaseTask Visit() => CaseTask.ReturnVisit(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), AgencyType.ResidentsCommittee, Tier.Community, Centre,
        new RoutingText("低风险回访", "low-risk visit"), 2, Now.AddDays(30), User, Now);

    [Fact]
    public void ReturnVisit_IsCompletedByItsVisitOnly_EvenStraightFromCreated()
    {
        var task = Visit();
        task.Kind.ShouldBe(CaseTaskKind.ReturnVisit);
        task.Step.ShouldBe(CaseTask.ReturnVisitStep);
        task.PolicyVersion.ShouldBe(2);
        Should.Throw<DomainRuleViolationException>(() => task.Complete(User, "done", Now.AddMinutes(1))).Code.ShouldBe("task.visit-required");
        Should.Throw<DomainRuleViolationException>(() => New().CompleteByVisit(User, "visit safe", Now.AddMinutes(1))).Code.ShouldBe("task.not-a-visit");

        task.CompleteByVisit(User, "visit safe", Now.AddMinutes(1));

        task.Status.ShouldBe(CaseTaskStatus.Completed);
        task.AcceptedAt.ShouldBe(Now.AddMinutes(1));
        task.ClosingText.ShouldBe("visit safe");
        Should.Throw<DomainRuleViolationException>(() => task.CompleteByVisit(User, "again", Now.AddMinutes(2))).Code.ShouldBe("task.illegal-move");
    }

    [Fact]
    public void ReturnVisit_Declined_GoesBackToTheRoutingCentre_AndIsReassignedAsAVisit()
    {
        var task = Visit();
        var reassignment = task.Decline(User, "not our community", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now.AddMinutes(1))!;

        reassignment.Kind.ShouldBe(CaseTaskKind.Reassignment);
        reassignment.AgencyId.ShouldBe(Centre);
        CaseTask.Assign(Guid.NewGuid(), task.CaseId, Guid.NewGuid(), AgencyType.ResidentsCommittee, Tier.Community, Centre, task.Step, new RoutingText("改派", "reassigned"),
            reassignment.Id, Now.AddDays(30), User, Now.AddMinutes(2), task.Kind).Kind.ShouldBe(CaseTaskKind.ReturnVisit);
    }

    [Fact]
    public void Decline_NeedsAReason_AndGivesTheRoutingCentreAReassignmentTask()
    {
        var task = New();
        Should.Throw<DomainRuleViolationException>(() => task.Decline(User, "  ", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now)).Code.ShouldBe("task.reason-required");

        var reassignment = task.Decline(User, "not our jurisdiction", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now.AddMinutes(1))!;

        task.Status.ShouldBe(CaseTaskStatus.Declined);
        reassignment.Kind.ShouldBe(CaseTaskKind.Reassignment);
        reassignment.AgencyId.ShouldBe(Centre);
        reassignment.ParentTaskId.ShouldBe(task.Id);
        reassignment.Status.ShouldBe(CaseTaskStatus.Created);
        Should.Throw<DomainRuleViolationException>(() => reassignment.Decline(User, "no", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now)).Code.ShouldBe("task.reassignment-decline");
    }

    [Fact]
    public void IllegalMoves_Throw()
    {
        var task = New();
        Should.Throw<DomainRuleViolationException>(() => task.Start(Now)).Code.ShouldBe("task.illegal-move");
        Should.Throw<DomainRuleViolationException>(() => task.Complete(User, "done", Now)).Code.ShouldBe("task.illegal-move");
        task.Accept(Now);
        Should.Throw<DomainRuleViolationException>(() => task.Accept(Now)).Code.ShouldBe("task.illegal-move");
        Should.Throw<DomainRuleViolationException>(() => task.Decline(User, "late", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now)).Code.ShouldBe("task.illegal-move");
        Should.Throw<DomainRuleViolationException>(() => task.Complete(User, " ", Now)).Code.ShouldBe("task.outcome-required");
        task.Cancel(User, "case closed by court", Now);
        Should.Throw<DomainRuleViolationException>(() => task.Cancel(User, "again", Now)).Code.ShouldBe("task.illegal-move");
    }

    [Fact]
    public void AcceptedTask_CompletesThroughInProgress()
    {
        var task = New();
        task.Accept(Now);
        task.Complete(User, "visited", Now.AddHours(1));
        task.StartedAt.ShouldBe(Now.AddHours(1));
        task.Status.ShouldBe(CaseTaskStatus.Completed);
    }
}

public class RequestTaskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ALeadTransfer_NeedsAReason_CannotGoToItself_AndADeclineMakesNoReassignment()
    {
        var lead = Guid.NewGuid();
        var text = new RoutingText("移交", "transfer");
        Should.Throw<DomainRuleViolationException>(() => CaseTask.Request(Guid.NewGuid(), Guid.NewGuid(), CaseTaskKind.LeadTransfer, lead, AgencyType.PoliceStation, Tier.Town, lead, text, "why", Now.AddHours(24), Guid.NewGuid(), Now))
            .Code.ShouldBe("task.to-self");
        Should.Throw<DomainRuleViolationException>(() => CaseTask.Request(Guid.NewGuid(), Guid.NewGuid(), CaseTaskKind.LeadTransfer, Guid.NewGuid(), AgencyType.PoliceStation, Tier.Town, lead, text, " ", Now.AddHours(24), Guid.NewGuid(), Now))
            .Code.ShouldBe("task.reason-required");

        var task = CaseTask.Request(Guid.NewGuid(), Guid.NewGuid(), CaseTaskKind.LeadTransfer, Guid.NewGuid(), AgencyType.PoliceStation, Tier.Town, lead, text, "suspected offence", Now.AddHours(24), Guid.NewGuid(), Now);
        task.RoutingCentreId.ShouldBe(lead);
        task.RequestText.ShouldBe("suspected offence");
        task.Decline(Guid.NewGuid(), "no offence found", Guid.NewGuid(), Tier.District, Now.AddHours(24), Now).ShouldBeNull();
        task.Status.ShouldBe(CaseTaskStatus.Declined);
    }

    [Fact]
    public void TheLeadMovesOnlyToAnotherAgency_AndNotOnAClosedCase()
    {
        var first = Guid.NewGuid();
        var c = Lianhu.Domain.Cases.Case.Open(Guid.NewGuid(), Lianhu.Domain.Cases.Channel.Hotline, "s", DivisionCode.Parse("440306017001"), first, Guid.NewGuid(), Now);
        Should.Throw<DomainRuleViolationException>(() => c.TransferLead(first, Now)).Code.ShouldBe("case.already-lead");
        var second = Guid.NewGuid();
        c.TransferLead(second, Now);
        c.LeadAgencyId.ShouldBe(second);
        c.RequestClosure(Guid.NewGuid(), "test closure", 1, Now);
        c.ApproveClosure(Guid.NewGuid(), Guid.NewGuid(), Now);
        Should.Throw<DomainRuleViolationException>(() => c.TransferLead(first, Now)).Code.ShouldBe("case.closed");
    }
}
