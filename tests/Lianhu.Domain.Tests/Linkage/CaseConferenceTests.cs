using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;

namespace Lianhu.Domain.Tests.Linkage;

public class CaseConferenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Scheduled_ThenHeld_WithInvitedAttendeesAndMinutes_Once()
    {
        var convener = Guid.NewGuid();
        var police = Guid.NewGuid();
        var c = CaseConference.Schedule(Guid.NewGuid(), Guid.NewGuid(), ConferenceTrigger.HighRisk, convener, Now.AddHours(48), ["level=high"], [police], Guid.NewGuid(), Now);
        c.InvitedAgencyIds.ShouldBe([police, convener]);

        Should.Throw<DomainRuleViolationException>(() => c.RecordHeld([Guid.NewGuid()], "m", Now)).Code.ShouldBe("conference.attendance");
        Should.Throw<DomainRuleViolationException>(() => c.RecordHeld([police], " ", Now)).Code.ShouldBe("conference.minutes");
        c.RecordHeld([police], "minutes", Now.AddHours(49));
        c.Status.ShouldBe(ConferenceStatus.Held);
        Should.Throw<DomainRuleViolationException>(() => c.RecordHeld([police], "again", Now)).Code.ShouldBe("conference.illegal-move");
        Should.Throw<DomainRuleViolationException>(() => c.Cancel("不再需要", Guid.NewGuid(), DateTimeOffset.UtcNow)).Code.ShouldBe("conference.illegal-move");
    }

    [Fact]
    public void AScheduledConference_IsCancelledWithAReason_Once_AndIsThenNeverHeld()
    {
        var police = Guid.NewGuid();
        var by = Guid.NewGuid();
        var c = CaseConference.Schedule(Guid.NewGuid(), Guid.NewGuid(), ConferenceTrigger.OnDemand, Guid.NewGuid(), Now.AddHours(48), [], [police], Guid.NewGuid(), Now);
        Should.Throw<DomainRuleViolationException>(() => c.Cancel("  ", by, Now)).Code.ShouldBe("conference.reason-required");
        Should.Throw<DomainRuleViolationException>(() => c.Cancel(new string('x', CaseConference.ReasonMaxLength + 1), by, Now)).Code.ShouldBe("conference.reason-required");

        c.Cancel(" 受害人已转入庇护，改为电话会商 ", by, Now.AddHours(1));

        c.Status.ShouldBe(ConferenceStatus.Cancelled);
        c.CancellationReason.ShouldBe("受害人已转入庇护，改为电话会商");
        c.CancelledByUserId.ShouldBe(by);
        c.CancelledAt.ShouldBe(Now.AddHours(1));
        Should.Throw<DomainRuleViolationException>(() => c.Cancel("again", by, Now)).Code.ShouldBe("conference.illegal-move");
        Should.Throw<DomainRuleViolationException>(() => c.RecordHeld([police], "minutes", Now)).Code.ShouldBe("conference.illegal-move");
    }

    [Fact]
    public void AConference_IsNotScheduledInThePast() =>
        Should.Throw<DomainRuleViolationException>(() => CaseConference.Schedule(Guid.NewGuid(), Guid.NewGuid(), ConferenceTrigger.OnDemand, Guid.NewGuid(), Now.AddHours(-1), [], [], Guid.NewGuid(), Now))
            .Code.ShouldBe("conference.in-past");
}
