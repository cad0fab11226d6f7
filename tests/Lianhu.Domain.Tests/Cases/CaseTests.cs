using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Case = Lianhu.Domain.Cases.Case;

namespace Lianhu.Domain.Tests.Cases;

public class CaseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static Case Open() => Case.Open(Guid.CreateVersion7(At), Channel.Police110, "夜间殴打", DivisionCode.Parse("440306017001"), Guid.NewGuid(), Guid.NewGuid(), At);

    [Fact]
    public void Open_RecordsTheLeadAndANumberDatedInBeijingTime()
    {
        var lead = Guid.NewGuid();
        var opened = Case.Open(Guid.CreateVersion7(At), Channel.Hotline, " 求助 ", DivisionCode.Parse("440306017001"), lead, Guid.NewGuid(), new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero));
        opened.LeadAgencyId.ShouldBe(lead);
        opened.Status.ShouldBe(CaseStatus.Open);
        opened.Summary.ShouldBe("求助");
        opened.Number.ShouldStartWith("20260302-");
        opened.Version.ShouldBe(1);
    }

    [Fact]
    public void Open_OutsideACommunity_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Case.Open(Guid.NewGuid(), Channel.Hotline, "x", DivisionCode.Parse("440306"), Guid.NewGuid(), Guid.NewGuid(), At))
            .Code.ShouldBe("case.division-tier");

    [Fact]
    public void Open_WithoutSummary_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Case.Open(Guid.NewGuid(), Channel.Hotline, " ", DivisionCode.Parse("440306017001"), Guid.NewGuid(), Guid.NewGuid(), At))
            .Code.ShouldBe("case.summary");

    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid SupervisorA = Guid.NewGuid();
    private static readonly Guid SupervisorB = Guid.NewGuid();

    [Fact]
    public void Closure_NeedsApproval_ThenReopenKeepsCount()
    {
        var c = Open();
        c.RequestClosure(Lead, "已处置完毕", 1, At.AddDays(1));
        c.Status.ShouldBe(CaseStatus.ClosurePending);
        c.IsReadOnly.ShouldBeFalse();
        c.ApproveClosure(SupervisorA, Guid.NewGuid(), At.AddDays(2));
        c.Status.ShouldBe(CaseStatus.Closed);
        c.ClosedAt.ShouldBe(At.AddDays(2));
        Should.Throw<DomainRuleViolationException>(c.EnsureWritable).Code.ShouldBe("case.closed-read-only");
        c.Reopen(At.AddDays(3));
        c.Status.ShouldBe(CaseStatus.Open);
        c.ReopenCount.ShouldBe(1);
        c.Version.ShouldBe(4);
    }

    [Fact]
    public void HighRiskClosure_NeedsTwoDistinctApprovers_NeverTheRequester()
    {
        var c = Open();
        c.RequestClosure(Lead, "结案", 2, At);
        Should.Throw<DomainRuleViolationException>(() => c.ApproveClosure(Lead, Guid.NewGuid(), At)).Code.ShouldBe("case.closure-same-approver");
        c.ApproveClosure(SupervisorA, Guid.NewGuid(), At);
        c.Status.ShouldBe(CaseStatus.ClosurePending);
        Should.Throw<DomainRuleViolationException>(() => c.ApproveClosure(SupervisorA, Guid.NewGuid(), At)).Code.ShouldBe("case.closure-same-approver");
        c.ApproveClosure(SupervisorB, Guid.NewGuid(), At);
        c.Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public void RejectedClosure_OpensTheCaseAgain_AndClearsApprovals()
    {
        var c = Open();
        c.RequestClosure(Lead, "结案", 2, At);
        c.ApproveClosure(SupervisorA, Guid.NewGuid(), At);
        c.RejectClosure(At);
        c.Status.ShouldBe(CaseStatus.Open);
        c.ClosureApprovals.ShouldBeEmpty();
    }

    [Fact]
    public void ClosureMoves_FromTheWrongState_Throw()
    {
        var c = Open();
        Should.Throw<DomainRuleViolationException>(() => c.ApproveClosure(SupervisorA, Guid.NewGuid(), At)).Code.ShouldBe("case.no-closure-pending");
        Should.Throw<DomainRuleViolationException>(() => c.RequestClosure(Lead, " ", 1, At)).Code.ShouldBe("case.closure-summary");
        c.RequestClosure(Lead, "结案", 1, At);
        Should.Throw<DomainRuleViolationException>(() => c.RequestClosure(Lead, "再次", 1, At)).Code.ShouldBe("case.closure-pending");
        c.ApproveClosure(SupervisorA, Guid.NewGuid(), At);
        Should.Throw<DomainRuleViolationException>(() => c.RequestClosure(Lead, "再次", 1, At)).Code.ShouldBe("case.already-closed");
    }

    [Fact]
    public void Reopen_WhenOpen_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Open().Reopen(At)).Code.ShouldBe("case.not-closed");

    [Fact]
    public void ChannelIds_AreStable() =>
        StableName.All<Channel>().ShouldBe(["police-110", "hotline", "walk-in", "grid-report", "mandatory-report", "self-report"]);
}
