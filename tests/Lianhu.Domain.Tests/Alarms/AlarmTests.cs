using Lianhu.Domain.Alarms;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Tests.Alarms;

/// <summary>The one-key alarm's rules: who may enrol, PIN lockout, revocation, and the alert's raised → acknowledged → closed path.</summary>
public sealed class AlarmTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static AlarmEnrolment Enrolled(CommonRiskLevel level = CommonRiskLevel.High) =>
        AlarmEnrolment.Enrol(Guid.NewGuid(), Guid.NewGuid(), level, "hash", Guid.NewGuid(), Guid.NewGuid(), Now);

    private static AlarmAlert Raised() => AlarmAlert.Raise(Guid.NewGuid(), Enrolled(), "press-1", null, Now, TimeSpan.FromMinutes(5));

    [Theory]
    [InlineData(CommonRiskLevel.Medium)]
    [InlineData(CommonRiskLevel.High)]
    public void Enrol_MediumOrHighRisk_IsAllowed(CommonRiskLevel level) => Enrolled(level).IsActive.ShouldBeTrue();

    [Theory]
    [InlineData(CommonRiskLevel.Low)]
    [InlineData(null)]
    public void Enrol_WhenLowRiskOrUnassessed_Throws(CommonRiskLevel? level) =>
        Should.Throw<DomainRuleViolationException>(() => AlarmEnrolment.Enrol(Guid.NewGuid(), Guid.NewGuid(), level, "hash", Guid.NewGuid(), Guid.NewGuid(), Now))
            .Code.ShouldBe("alarm.risk-too-low");

    [Fact]
    public void SetPin_Twice_Throws()
    {
        var enrolment = Enrolled();
        enrolment.SetPin("pin-hash", Now);
        Should.Throw<DomainRuleViolationException>(() => enrolment.SetPin("other", Now)).Code.ShouldBe("alarm.pin-already-set");
    }

    [Fact]
    public void WrongPin_FiveTimes_LocksForTheWhile_ThenOpensAgain()
    {
        var enrolment = Enrolled();
        enrolment.SetPin("pin-hash", Now);
        for (var i = 0; i < 4; i++)
        {
            enrolment.WrongPin(Now, 5, TimeSpan.FromMinutes(15)).ShouldBeFalse();
        }

        enrolment.WrongPin(Now, 5, TimeSpan.FromMinutes(15)).ShouldBeTrue();
        enrolment.IsLocked(Now.AddMinutes(14)).ShouldBeTrue();
        Should.Throw<DomainRuleViolationException>(() => enrolment.RightPin(Now.AddMinutes(1))).Code.ShouldBe("alarm.locked");
        Should.Throw<DomainRuleViolationException>(() => enrolment.WrongPin(Now.AddMinutes(1), 5, TimeSpan.FromMinutes(15))).Code.ShouldBe("alarm.locked");
        enrolment.IsLocked(Now.AddMinutes(15)).ShouldBeFalse();
        enrolment.RightPin(Now.AddMinutes(15));
        enrolment.FailedPins.ShouldBe(0);
    }

    [Fact]
    public void Revoke_KillsTheLink_AndCannotBeRepeated_NorRaiseAnAlert()
    {
        var enrolment = Enrolled();
        enrolment.Revoke(Guid.NewGuid(), Now);
        enrolment.IsActive.ShouldBeFalse();
        Should.Throw<DomainRuleViolationException>(() => enrolment.Revoke(Guid.NewGuid(), Now)).Code.ShouldBe("alarm.revoked");
        Should.Throw<DomainRuleViolationException>(() => enrolment.SetPin("x", Now)).Code.ShouldBe("alarm.revoked");
        Should.Throw<DomainRuleViolationException>(() => AlarmAlert.Raise(Guid.NewGuid(), enrolment, "p", null, Now, TimeSpan.FromMinutes(5))).Code.ShouldBe("alarm.revoked");
    }

    [Fact]
    public void Raise_SetsTheAcknowledgementTime()
    {
        var alert = Raised();
        alert.State.ShouldBe(AlarmAlertState.Raised);
        alert.AcknowledgeBy.ShouldBe(Now.AddMinutes(5));
        alert.IsDueForEscalation(Now.AddMinutes(4)).ShouldBeFalse();
        alert.IsDueForEscalation(Now.AddMinutes(5)).ShouldBeTrue();
    }

    [Fact]
    public void Close_BeforeAcknowledgement_Throws()
    {
        var alert = Raised();
        Should.Throw<DomainRuleViolationException>(() => alert.Close(AlarmOutcome.Attended, null, Guid.NewGuid(), Guid.NewGuid(), Now)).Code.ShouldBe("alarm.not-acknowledged");
    }

    [Fact]
    public void Acknowledge_Twice_Throws_AndAnAcknowledgedAlertNeverEscalates()
    {
        var alert = Raised();
        alert.Acknowledge(Guid.NewGuid(), Guid.NewGuid(), Now.AddMinutes(1));
        Should.Throw<DomainRuleViolationException>(() => alert.Acknowledge(Guid.NewGuid(), Guid.NewGuid(), Now)).Code.ShouldBe("alarm.already-acknowledged");
        alert.IsDueForEscalation(Now.AddHours(1)).ShouldBeFalse();
        Should.Throw<DomainRuleViolationException>(() => alert.Escalate(Guid.NewGuid(), Now.AddHours(1))).Code.ShouldBe("alarm.not-due");
    }

    [Fact]
    public void Escalate_OnlyOnce_AndOnlyWhenDue_ThenItMayStillBeAcknowledgedAndClosed()
    {
        var alert = Raised();
        Should.Throw<DomainRuleViolationException>(() => alert.Escalate(Guid.NewGuid(), Now.AddMinutes(4))).Code.ShouldBe("alarm.not-due");
        var centre = Guid.NewGuid();
        alert.Escalate(centre, Now.AddMinutes(5));
        alert.EscalatedToAgencyId.ShouldBe(centre);
        Should.Throw<DomainRuleViolationException>(() => alert.Escalate(centre, Now.AddMinutes(6))).Code.ShouldBe("alarm.not-due");
        alert.Acknowledge(centre, Guid.NewGuid(), Now.AddMinutes(7));
        alert.Close(AlarmOutcome.FalseAlarm, null, centre, Guid.NewGuid(), Now.AddMinutes(8));
        alert.State.ShouldBe(AlarmAlertState.Closed);
        Should.Throw<DomainRuleViolationException>(() => alert.Close(AlarmOutcome.Attended, null, centre, Guid.NewGuid(), Now)).Code.ShouldBe("alarm.already-closed");
    }

    [Fact]
    public void Close_AsOther_NeedsANote()
    {
        var alert = Raised();
        alert.Acknowledge(Guid.NewGuid(), Guid.NewGuid(), Now);
        Should.Throw<DomainRuleViolationException>(() => alert.Close(AlarmOutcome.Other, "  ", Guid.NewGuid(), Guid.NewGuid(), Now)).Code.ShouldBe("alarm.note-required");
        alert.Close(AlarmOutcome.Other, "邻居代为报警", Guid.NewGuid(), Guid.NewGuid(), Now);
        alert.OutcomeNote.ShouldBe("邻居代为报警");
    }
}
