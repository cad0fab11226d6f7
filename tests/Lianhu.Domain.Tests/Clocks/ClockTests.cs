using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Clocks;

/// <summary>The clock aggregate's transition table: every legal move, and every illegal one throws.</summary>
public class ClockTests
{
    private static readonly DateTimeOffset Accepted = Bj(2026, 3, 2, 10);
    private static readonly Guid CaseId = Guid.CreateVersion7();
    private static readonly Guid Agency = Guid.CreateVersion7();
    private static readonly Guid User = Guid.CreateVersion7();

    // po-ruling: 72 h from 2026-03-02 10:00 → due 2026-03-05 10:00; reminder 12 h before, 2026-03-04 22:00.
    private static Clock NewClock()
    {
        var computation = Catalogue.Compute("po-ruling", Accepted);
        var reminder = ClockReminderPolicy.ReminderAt(Catalogue.Get("po-ruling"), computation);
        return Clock.Start(Guid.CreateVersion7(), CaseId, ClockSubject.ForCase(CaseId), computation, reminder, Agency, User, Accepted);
    }

    private static string CodeOf(Action move) => Should.Throw<DomainRuleViolationException>(move).Code;

    [Fact]
    public void Start_KeepsTheComputation_InUtc_AndWaitsForTheReminder()
    {
        var clock = NewClock();

        clock.State.ShouldBe(ClockState.Pending);
        clock.DueAt.ShouldBe(Bj(2026, 3, 5, 10));
        clock.DueAt.Offset.ShouldBe(TimeSpan.Zero);
        clock.ReminderAt.ShouldBe(Bj(2026, 3, 4, 22));
        clock.NextFireAt.ShouldBe(clock.ReminderAt);
        clock.Reading.ShouldBe("exact-instant");
        clock.SourceEn.ShouldBe("ADVL Art 28");
        clock.ExplanationEn.ShouldBe("72 h from acceptance 2026-03-02 10:00 → due 2026-03-05 10:00 (ADVL Art 28)");
        clock.SubjectType.ShouldBe("case");
        clock.Version.ShouldBe(1);
    }

    [Fact]
    public void Fire_BeforeTheReminder_DoesNothing()
    {
        var clock = NewClock();

        clock.Fire(Bj(2026, 3, 4, 21, 59)).ShouldBe(ClockFiring.None);
        clock.State.ShouldBe(ClockState.Pending);
        clock.Version.ShouldBe(1);
    }

    [Fact]
    public void Fire_AtTheReminder_Reminds_ThenAtTheDueTime_Breaches()
    {
        var clock = NewClock();

        clock.Fire(Bj(2026, 3, 4, 22)).ShouldBe(ClockFiring.Reminded);
        clock.State.ShouldBe(ClockState.Reminded);
        clock.NextFireAt.ShouldBe(clock.DueAt);
        clock.Fire(Bj(2026, 3, 5, 9, 59)).ShouldBe(ClockFiring.None);

        clock.Fire(Bj(2026, 3, 5, 10)).ShouldBe(ClockFiring.Breached);
        clock.State.ShouldBe(ClockState.Breached);
        clock.BreachedAt.ShouldBe(Bj(2026, 3, 5, 10));
        clock.NextFireAt.ShouldBeNull();
        clock.Fire(Bj(2026, 3, 9)).ShouldBe(ClockFiring.None);
    }

    [Fact]
    public void Fire_PastTheDueTimeWithoutAReminder_BreachesDirectly()
    {
        var clock = NewClock();

        clock.Fire(Bj(2026, 3, 6)).ShouldBe(ClockFiring.Breached);
        clock.RemindedAt.ShouldBeNull();
    }

    // po-validity: 6 months from the order made 2026-03-02; reminds 14 days before it ends.
    private static Clock NewValidityClock()
    {
        var computation = Catalogue.Compute("po-validity", new DateOnly(2026, 3, 2));
        var reminder = ClockReminderPolicy.ReminderAt(Catalogue.Get("po-validity"), computation);
        return Clock.Start(Guid.CreateVersion7(), CaseId, ClockSubject.ForCase(CaseId), computation, reminder, Agency, User, Accepted);
    }

    [Fact]
    public void Fire_AValidityPeriodAtItsEnd_Lapses_NeverBreaches()
    {
        var clock = NewValidityClock();
        clock.OnDue.ShouldBe(ClockDueAction.Lapse);

        var end = clock.DueAt;
        clock.Fire(end.AddDays(-10)).ShouldBe(ClockFiring.Reminded);
        clock.IsOverdueAt(end.AddDays(1)).ShouldBeFalse();
        clock.Fire(end.AddMinutes(-1)).ShouldBe(ClockFiring.None);
        clock.Fire(end).ShouldBe(ClockFiring.Lapsed);

        clock.State.ShouldBe(ClockState.Lapsed);
        clock.LapsedAt.ShouldBe(end);
        clock.BreachedAt.ShouldBeNull();
        clock.NextFireAt.ShouldBeNull();
        clock.Fire(end.AddDays(7)).ShouldBe(ClockFiring.None);
        CodeOf(() => clock.Complete(User, "late", end.AddDays(1))).ShouldBe("clock.already-lapsed");
    }

    [Fact]
    public void Breach_AValidityPeriod_Throws_AndLapse_ADeadline_Throws()
    {
        var validity = NewValidityClock();
        CodeOf(() => validity.Breach(validity.DueAt.AddDays(1))).ShouldBe("clock.lapses");
        CodeOf(() => validity.Lapse(validity.DueAt.AddDays(-1))).ShouldBe("clock.not-yet-due");
        CodeOf(() => NewClock().Lapse(Bj(2026, 3, 6))).ShouldBe("clock.not-a-validity");
    }

    [Fact]
    public void Remind_Twice_Throws()
    {
        var clock = NewClock();
        clock.Remind(Bj(2026, 3, 4, 23));

        CodeOf(() => clock.Remind(Bj(2026, 3, 4, 23, 30))).ShouldBe("clock.already-reminded");
    }

    [Fact]
    public void Remind_BeforeItsTime_OrAfterTheDueTime_Throws()
    {
        CodeOf(() => NewClock().Remind(Bj(2026, 3, 3))).ShouldBe("clock.not-reminder-time");
        CodeOf(() => NewClock().Remind(Bj(2026, 3, 5, 10))).ShouldBe("clock.not-reminder-time");
    }

    [Fact]
    public void Breach_BeforeTheDueTime_Throws() =>
        CodeOf(() => NewClock().Breach(Bj(2026, 3, 5, 9, 59))).ShouldBe("clock.not-yet-due");

    [Fact]
    public void Breach_Twice_Throws()
    {
        var clock = NewClock();
        clock.Breach(Bj(2026, 3, 5, 10));

        CodeOf(() => clock.Breach(Bj(2026, 3, 5, 11))).ShouldBe("clock.already-breached");
    }

    [Fact]
    public void Complete_WhileRunning_RecordsTheOutcome()
    {
        var clock = NewClock();
        clock.Remind(Bj(2026, 3, 4, 22));

        clock.Complete(User, "  裁定已作出  ", Bj(2026, 3, 4, 23));

        clock.State.ShouldBe(ClockState.Completed);
        clock.Outcome.ShouldBe("裁定已作出");
        clock.CompletedAt.ShouldBe(Bj(2026, 3, 4, 23));
        clock.ClosedByUserId.ShouldBe(User);
        clock.NextFireAt.ShouldBeNull();
        clock.Fire(Bj(2026, 3, 6)).ShouldBe(ClockFiring.None);
    }

    [Fact]
    public void Complete_AfterABreach_Throws()
    {
        var clock = NewClock();
        clock.Breach(Bj(2026, 3, 5, 10));

        CodeOf(() => clock.Complete(User, "late", Bj(2026, 3, 5, 11))).ShouldBe("clock.already-breached");
    }

    [Fact]
    public void Complete_Twice_Throws()
    {
        var clock = NewClock();
        clock.Complete(User, "done", Bj(2026, 3, 3));

        CodeOf(() => clock.Complete(User, "again", Bj(2026, 3, 3, 1))).ShouldBe("clock.already-completed");
    }

    [Fact]
    public void Complete_PastTheDueTime_BeforeTheEngineScanned_IsOverdueNotCompleted()
    {
        var clock = NewClock();

        clock.IsOverdueAt(Bj(2026, 3, 5, 10)).ShouldBeTrue();
        CodeOf(() => clock.Complete(User, "late", Bj(2026, 3, 5, 10))).ShouldBe("clock.overdue");
        clock.State.ShouldBe(ClockState.Pending);
    }

    [Fact]
    public void Complete_WithoutAnOutcome_Throws() =>
        CodeOf(() => NewClock().Complete(User, " ", Bj(2026, 3, 3))).ShouldBe("clock.outcome");

    [Fact]
    public void Cancel_WhileRunning_IsFinal()
    {
        var clock = NewClock();
        clock.Cancel(User, "申请已撤回", Bj(2026, 3, 3));

        clock.State.ShouldBe(ClockState.Cancelled);
        CodeOf(() => clock.Complete(User, "x", Bj(2026, 3, 3, 1))).ShouldBe("clock.already-cancelled");
        CodeOf(() => clock.Breach(Bj(2026, 3, 6))).ShouldBe("clock.already-cancelled");
        CodeOf(() => clock.Remind(Bj(2026, 3, 4, 23))).ShouldBe("clock.already-cancelled");
    }

    [Fact]
    public void EveryMove_BumpsTheVersion()
    {
        var clock = NewClock();
        clock.Remind(Bj(2026, 3, 4, 22));
        clock.Breach(Bj(2026, 3, 5, 10));

        clock.Version.ShouldBe(3);
    }

    [Fact]
    public void BreachRecord_OnlyForABreachedClock_AndRequestsEscalation()
    {
        var clock = NewClock();
        CodeOf(() => ClockBreach.Record(Guid.CreateVersion7(), clock, "440306017", null)).ShouldBe("clock.not-breached");

        clock.Breach(Bj(2026, 3, 5, 10, 0, 30));
        var centre = Guid.CreateVersion7();
        var breach = ClockBreach.Record(Guid.CreateVersion7(), clock, "440306017", centre);

        breach.ClockId.ShouldBe(clock.Id);
        breach.CaseId.ShouldBe(CaseId);
        breach.RuleId.ShouldBe("po-ruling");
        breach.DueAt.ShouldBe(Bj(2026, 3, 5, 10));
        breach.BreachedAt.ShouldBe(Bj(2026, 3, 5, 10, 0, 30));
        breach.EscalateToDivisionCode.ShouldBe("440306017");
        breach.EscalateToAgencyId.ShouldBe(centre);
        breach.EscalationRequested.ShouldBeTrue();
    }

    [Theory]
    [InlineData("protection-order", true)]
    [InlineData("case", true)]
    [InlineData("Protection_Order", false)]
    [InlineData("", false)]
    public void SubjectType_IsAKebabCaseName(string type, bool valid) => ClockSubject.IsValidType(type).ShouldBe(valid);

    [Fact]
    public void Subject_WithoutAnId_Throws() =>
        CodeOf(() => ClockSubject.Of("protection-order", Guid.Empty)).ShouldBe("clock.subject-id");
}
