using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Legal;

public sealed class ProtectionOrderTests
{
    private static readonly Guid User = Guid.CreateVersion7();
    private static readonly DateTimeOffset Filed = Bj(2026, 3, 2, 9, 0);

    public static ProtectionOrderApplication Complete(ApplicantType type = ApplicantType.Victim) => new(
        type, "李梅", type == ApplicantType.CloseRelative ? "母亲" : null, type == ApplicantType.Victim ? null : "李梅", "王强", null, "宝安区某小区", RespondentRelation.Spouse,
        ApplicationGround.RealDanger, "被申请人扬言要伤害申请人。", [new MeasureItem(ProtectionMeasure.ProhibitViolence)], Emergency: false,
        // A proxy applies only with a reason the law accepts (ADVL Art 23; SPC 2022 Art 2 for the bodies it adds, with her wishes).
        InabilityReason: type switch
        {
            ApplicantType.Victim => null,
            ApplicantType.CivilAffairs or ApplicantType.DisabledPersonsFederation or ApplicantType.ElderlyOrganisation => InabilityReason.OldAge,
            _ => InabilityReason.NoCapacity,
        },
        VictimWishes: type is ApplicantType.CivilAffairs or ApplicantType.DisabledPersonsFederation or ApplicantType.ElderlyOrganisation ? VictimWishes.Wants : null);

    private static readonly DateOnly Today = D(2026, 3, 2);

    private static ProtectionOrder Filed_() => ProtectionOrder.File(Guid.CreateVersion7(), Guid.CreateVersion7(), Complete(), Guid.CreateVersion7(), Guid.CreateVersion7(), User, Filed);

    private static ProtectionOrder Issued(DateOnly until)
    {
        var order = Filed_();
        order.Accept(User, Filed.AddHours(1));
        order.Issue(User, Filed.AddHours(5), [new MeasureItem(ProtectionMeasure.ProhibitViolence)], until, null);
        return order;
    }

    [Fact]
    public void Problems_NameEachArt27Condition()
    {
        var empty = new ProtectionOrderApplication(ApplicantType.CloseRelative, "李母", null, null, " ", null, null, null, null, null, [], false);

        empty.Problems(Today).Select(p => (p.Field, p.Code)).ShouldBe(
        [
            ("victimName", "required"),
            ("applicantRelation", "required"),
            ("inabilityReason", "legal.art23-proxy-reason"),
            ("respondentRelation", "legal.relation-required"),
            ("respondentName", "legal.art27-respondent"),
            ("respondentIdNumber", "legal.art27-respondent-identity"),
            ("measures", "legal.art27-request"),
            ("ground", "legal.art27-ground"),
            ("facts", "legal.art27-facts"),
        ]);
    }

    [Theory]
    [InlineData(ApplicantType.Victim)]
    [InlineData(ApplicantType.CloseRelative)]
    [InlineData(ApplicantType.ElderlyOrganisation)]
    [InlineData(ApplicantType.DisabledPersonsFederation)]
    public void EveryApplicantOfArt23AndSpc2022_CanFile(ApplicantType type) => Complete(type).Problems(Today).ShouldBeEmpty();

    [Fact]
    public void Other_WithoutWords_AndAMeasureTwice_AreRefused()
    {
        ProtectionOrderApplication.MeasureProblems("measures", [new MeasureItem(ProtectionMeasure.Other)], "x").Single().Code.ShouldBe("legal.measure-other-text");
        ProtectionOrderApplication.MeasureProblems("measures", [new MeasureItem(ProtectionMeasure.MoveOut), new MeasureItem(ProtectionMeasure.MoveOut)], "x").Single().Code.ShouldBe("legal.measure-twice");
        ((int)ProtectionMeasure.Other).ShouldBe(255);
    }

    [Fact]
    public void File_WhenIncomplete_Throws()
    {
        var incomplete = Complete() with { Facts = "" };
        Should.Throw<DomainRuleViolationException>(() => ProtectionOrder.File(Guid.NewGuid(), Guid.NewGuid(), incomplete, Guid.NewGuid(), Guid.NewGuid(), User, Filed))
            .Code.ShouldBe("protection-order.incomplete");
    }

    [Fact]
    public void Issue_BeforeAcceptance_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Filed_().Issue(User, Filed, [new MeasureItem(ProtectionMeasure.ProhibitViolence)], D(2026, 6, 1), null))
            .Code.ShouldBe("protection-order.already-received");

    [Fact]
    public void Issue_ValidityOfSixMonthsToTheSameDay_IsAllowed_OneDayMoreIsNot()
    {
        Issued(D(2026, 9, 2)).ValidUntil.ShouldBe(D(2026, 9, 2));
        var order = Filed_();
        order.Accept(User, Filed.AddHours(1));
        Should.Throw<DomainRuleViolationException>(() => order.Issue(User, Filed.AddHours(2), [new MeasureItem(ProtectionMeasure.ProhibitViolence)], D(2026, 9, 3), null))
            .Code.ShouldBe("protection-order.validity-too-long");
    }

    [Fact]
    public void LatestValidUntil_AtAMonthEnd_IsTheLastDayOfTheEndMonth() =>
        ProtectionOrder.LatestValidUntil(D(2026, 8, 31)).ShouldBe(D(2027, 2, 28));

    [Fact]
    public void Reject_AfterIssue_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Issued(D(2026, 4, 1)).Reject(User, Filed.AddHours(6), "x")).Code.ShouldBe("protection-order.already-issued");

    [Fact]
    public void InForce_UntilTheEndOfTheStatedLastDay_BeijingTime()
    {
        var order = Issued(D(2026, 4, 1));
        order.IsInForceAt(Bj(2026, 4, 1, 23, 59)).ShouldBeTrue();
        order.IsInForceAt(Bj(2026, 4, 2, 0, 0)).ShouldBeFalse();
    }

    [Fact]
    public void Extend_AfterExpiry_Throws_AndBeforeExpiry_MovesTheLastDay()
    {
        var order = Issued(D(2026, 4, 1));
        Should.Throw<DomainRuleViolationException>(() => order.Extend(User, Bj(2026, 4, 2, 8, 0), D(2026, 6, 1), "x")).Code.ShouldBe("protection-order.expired");
        Should.Throw<DomainRuleViolationException>(() => order.Extend(User, Bj(2026, 3, 20), D(2026, 3, 30), "x")).Code.ShouldBe("protection-order.extension-not-later");
        Should.Throw<DomainRuleViolationException>(() => order.Extend(User, Bj(2026, 3, 20), D(2026, 10, 2), "x")).Code.ShouldBe("protection-order.validity-too-long");

        order.Extend(User, Bj(2026, 3, 20), D(2026, 10, 1), "仍有危险");

        order.ValidUntil.ShouldBe(D(2026, 10, 1));
        order.Amendments.Single().Kind.ShouldBe(AmendmentKind.Extension);
        order.Amendments.Single().PreviousValidUntil.ShouldBe(D(2026, 4, 1));
    }

    [Fact]
    public void Revoke_ThenChangeOrReportAViolation_Throws()
    {
        var order = Issued(D(2026, 4, 1));
        order.Revoke(User, Bj(2026, 3, 10), "申请人申请撤销");

        order.Status.ShouldBe(ProtectionOrderStatus.Revoked);
        Should.Throw<DomainRuleViolationException>(() => order.Change(User, Bj(2026, 3, 11), [new MeasureItem(ProtectionMeasure.ProhibitContact)], "x")).Code.ShouldBe("protection-order.already-revoked");
        Should.Throw<DomainRuleViolationException>(() => order.RecordViolation(Bj(2026, 3, 11), User, User, Bj(2026, 3, 11))).Code.ShouldBe("protection-order.already-revoked");
    }

    [Fact]
    public void Service_BeforeTheRuling_Throws() =>
        Should.Throw<DomainRuleViolationException>(() => Filed_().RecordService(User, ServiceRecipient.Respondent, DeliveryMethod.InPerson, Filed, null, Filed))
            .Code.ShouldBe("protection-order.not-ruled");
}
