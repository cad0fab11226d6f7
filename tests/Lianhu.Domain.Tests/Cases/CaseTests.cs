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

    [Fact]
    public void Close_ThenReopen_BumpsTheVersionEachTime()
    {
        var c = Open();
        c.Close(At.AddDays(1));
        c.Status.ShouldBe(CaseStatus.Closed);
        c.ClosedAt.ShouldBe(At.AddDays(1));
        c.Reopen(At.AddDays(2));
        c.Status.ShouldBe(CaseStatus.Open);
        c.ClosedAt.ShouldBeNull();
        c.Version.ShouldBe(3);
    }

    [Fact]
    public void Close_WhenAlreadyClosed_Throws()
    {
        var c = Open();
        c.Close(At);
        Should.Throw<DomainRuleViolationException>(() => c.Close(At)).Code.ShouldBe("case.already-closed");
    }

    [Fact]
    public void Reopen_WhenOpen_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Open().Reopen(At)).Code.ShouldBe("case.not-closed");

    [Fact]
    public void ChannelIds_AreStable() =>
        StableName.All<Channel>().ShouldBe(["police-110", "hotline", "walk-in", "grid-report", "mandatory-report", "self-report"]);
}
