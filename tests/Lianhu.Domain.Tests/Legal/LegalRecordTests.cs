using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using static Lianhu.Domain.Tests.Clocks.TestConfig;

namespace Lianhu.Domain.Tests.Legal;

public sealed class LegalRecordTests
{
    private static readonly Guid User = Guid.CreateVersion7();

    [Fact]
    public void WarningLetterContent_NamesIdentityFactsAndProhibition()
    {
        new WarningLetterContent("王强", null, null, "李梅", " ", null).Problems().Select(p => (p.Field, p.Code)).ShouldBe(
        [
            ("respondentIdNumber", "legal.letter-identity"),
            ("facts", "legal.letter-facts"),
            ("prohibition", "legal.letter-prohibition"),
        ]);
    }

    [Fact]
    public void WarningLetter_TracksOutstandingRecipients_AndRefusesThePolice()
    {
        var at = Bj(2026, 3, 2, 10, 0);
        var letter = WarningLetter.Issue(Guid.NewGuid(), Guid.NewGuid(), new WarningLetterContent("王强", "440306198501011238", null, "李梅", "推搡", "禁止家暴"), "k", "v", 0, Guid.NewGuid(), User, at);
        letter.RecordDelivery(User, ServiceRecipient.Victim, DeliveryMethod.InPerson, at, at);

        letter.Outstanding().ShouldBe([ServiceRecipient.Respondent, ServiceRecipient.Committee]);
        Should.Throw<DomainRuleViolationException>(() => letter.RecordDelivery(User, ServiceRecipient.Police, DeliveryMethod.Post, at, at)).Code.ShouldBe("warning-letter.recipient");
        Should.Throw<DomainRuleViolationException>(() => letter.RecordDelivery(User, ServiceRecipient.Respondent, DeliveryMethod.Post, at.AddHours(-1), at)).Code.ShouldBe("warning-letter.delivery-time");
    }

    [Fact]
    public void ShelterStay_EndsOnce_AndOnlyAStayIsFiled()
    {
        var at = Bj(2026, 3, 2, 22, 0);
        var placement = ShelterStay.Start(Guid.NewGuid(), Guid.NewGuid(), PlacementKind.CommunityPlacement, "工作站", Guid.NewGuid(), User, at);
        Should.Throw<DomainRuleViolationException>(() => placement.RecordCivilAffairsFiling(at, "x")).Code.ShouldBe("placement.not-shelter");
        placement.End(at.AddHours(10), PlacementOutcome.Shelter, null);
        Should.Throw<DomainRuleViolationException>(() => placement.End(at.AddHours(11), PlacementOutcome.Home, null)).Code.ShouldBe("placement.already-ended");

        var stay = ShelterStay.Start(Guid.NewGuid(), Guid.NewGuid(), PlacementKind.ShelterStay, "庇护所", Guid.NewGuid(), User, at);
        Should.Throw<DomainRuleViolationException>(() => stay.End(at.AddDays(1), PlacementOutcome.Shelter, null)).Code.ShouldBe("placement.outcome");
        stay.RecordCivilAffairsFiling(at.AddDays(9), "报备");
        Should.Throw<DomainRuleViolationException>(() => stay.RecordCivilAffairsFiling(at.AddDays(9), "again")).Code.ShouldBe("placement.already-filed");
    }

    [Fact]
    public void ValidityClock_AWholeNumberOfMonths_IsTheRulesOwnComputation()
    {
        var computed = ValidityClock.Compute(Catalogue, D(2026, 3, 2), D(2026, 9, 2));

        computed.Reading.ShouldBe("months-exclusive-start-no-rollover");
        computed.LastDay.ShouldBe(D(2026, 9, 2));
        computed.Due.ShouldBe(Bj(2026, 9, 3));
    }

    [Fact]
    public void ValidityClock_ACourtStatedDay_PrevailsAndSaysSo()
    {
        var computed = ValidityClock.Compute(Catalogue, D(2026, 3, 2), D(2026, 5, 20));

        computed.Reading.ShouldBe(ValidityClock.CourtStatedReading);
        computed.LastDay.ShouldBe(D(2026, 5, 20));
        computed.Due.ShouldBe(Bj(2026, 5, 21));
        computed.Explanation.En.ShouldBe("Order made 2026-03-02, valid as stated in the ruling until 2026-05-20 → ends 2026-05-20 24:00 (ADVL Art 30, at most 6 months)");
        computed.Explanation.ZhCn.ShouldContain("裁定书载明有效期至 2026-05-20");
        computed.Source.En.ShouldBe("ADVL Art 30");
    }
}
