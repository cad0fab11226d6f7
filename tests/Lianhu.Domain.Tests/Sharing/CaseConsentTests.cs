using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;

namespace Lianhu.Domain.Tests.Sharing;

public class CaseConsentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly CaseConsent.Recorder By = new(Guid.NewGuid(), Guid.NewGuid(), Now);

    private static CaseConsent Consent(CaseConsent.Target target, DateTimeOffset expires) =>
        CaseConsent.Consent(Guid.NewGuid(), Guid.NewGuid(), ConsentGiver.Victim, ConsentMethod.Written, target, [CaseSection.Identity, CaseSection.Counselling, CaseSection.Identity], expires, "  签字  ", By);

    [Fact]
    public void AConsent_IsInForceUntilItExpires_AndCoversOnlyItsAgency()
    {
        var consent = Consent(new CaseConsent.Target(Agency, AgencyType.CounsellingCentre), Now.AddDays(30));

        consent.IsInForceAt(Now.AddDays(29)).ShouldBeTrue();
        consent.IsInForceAt(Now.AddDays(30)).ShouldBeFalse();
        consent.StateAt(Now.AddDays(31)).ShouldBe("expired");
        consent.Covers(Agency, AgencyType.CounsellingCentre).ShouldBeTrue();
        consent.Covers(Guid.NewGuid(), AgencyType.CounsellingCentre).ShouldBeFalse("given for one agency, not its type");
        consent.Sections.ShouldBe([CaseSection.Identity, CaseSection.Counselling]);
        consent.Note.ShouldBe("签字");
    }

    [Fact]
    public void AConsentForAType_CoversEveryAgencyOfThatTypeOnly()
    {
        var consent = Consent(new CaseConsent.Target(null, AgencyType.SocialWorkGroup), Now.AddDays(1));

        consent.Covers(Guid.NewGuid(), AgencyType.SocialWorkGroup).ShouldBeTrue();
        consent.Covers(Guid.NewGuid(), AgencyType.CounsellingCentre).ShouldBeFalse();
    }

    [Fact]
    public void Withdraw_EndsItAtOnce_AndTwiceThrows()
    {
        var consent = Consent(new CaseConsent.Target(Agency, AgencyType.CounsellingCentre), Now.AddDays(30));

        consent.Withdraw(By.UserId, "changed her mind", Now.AddHours(1));

        consent.IsInForceAt(Now.AddHours(2)).ShouldBeFalse();
        consent.StateAt(Now.AddHours(2)).ShouldBe("withdrawn");
        consent.Version.ShouldBe(2);
        Should.Throw<DomainRuleViolationException>(() => consent.Withdraw(By.UserId, null, Now.AddHours(3))).Code.ShouldBe("consent.already-withdrawn");
    }

    [Fact]
    public void AConsentThatExpiresBeforeItIsRecorded_OrSharesNothing_Throws()
    {
        Should.Throw<DomainRuleViolationException>(() => Consent(new CaseConsent.Target(Agency, AgencyType.CounsellingCentre), Now)).Code.ShouldBe("consent.expiry-past");
        Should.Throw<DomainRuleViolationException>(() => CaseConsent.Consent(Guid.NewGuid(), Guid.NewGuid(), ConsentGiver.Guardian, ConsentMethod.Verbal,
            new CaseConsent.Target(Agency, AgencyType.CounsellingCentre), [], Now.AddDays(1), null, By)).Code.ShouldBe("consent.no-sections");
    }

    [Fact]
    public void ALegalBasis_MayRunWithoutEnd()
    {
        var basis = CaseConsent.Legal(Guid.NewGuid(), Guid.NewGuid(), "court-order", " (2025)粤0306民保令12号 ", new CaseConsent.Target(null, AgencyType.CounsellingCentre), [CaseSection.Identity], null, null, By);

        basis.IsInForceAt(Now.AddYears(5)).ShouldBeTrue();
        basis.Citation.ShouldBe("(2025)粤0306民保令12号");
        basis.GivenBy.ShouldBeNull();
    }
}
