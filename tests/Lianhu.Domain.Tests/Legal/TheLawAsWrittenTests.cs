using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Legal;

/// <summary>Issue 15: cases drawn from the articles — Civil Code Arts 17–22, ADVL Arts 14, 23, 27, 34, SPC 2022 Arts 1–2, WRPL 2022 Arts 22, 29.</summary>
public class TheLawAsWrittenTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    // The day after the birthday: 周岁 count from the day after it (LegalAge).
    private static DateOnly Born(int yearsAgo) => Today.AddYears(-yearsAgo).AddDays(-1);

    // ---- Civil capacity (Civil Code Arts 17–22) ----

    [Theory]
    [InlineData(7, false, null, null, CivilCapacity.None, CapacityBasis.Age)] // Art 20: under 8
    [InlineData(8, false, null, null, CivilCapacity.Limited, CapacityBasis.Age)] // Art 19: 8 and over, a minor
    [InlineData(15, false, null, null, CivilCapacity.Limited, CapacityBasis.Age)]
    [InlineData(16, true, null, null, CivilCapacity.Full, CapacityBasis.OwnLabour)] // Art 18(2)
    [InlineData(17, false, null, null, CivilCapacity.Limited, CapacityBasis.Age)]
    [InlineData(10, false, CivilCapacity.None, CapacityBasis.AsDeclared, CivilCapacity.None, CapacityBasis.AsDeclared)] // Art 21(2)
    [InlineData(35, false, null, null, CivilCapacity.Full, CapacityBasis.Age)] // Art 18(1)
    [InlineData(82, false, null, null, CivilCapacity.Full, CapacityBasis.Age)] // old age alone is not incapacity
    [InlineData(40, false, CivilCapacity.Limited, CapacityBasis.AsObserved, CivilCapacity.Limited, CapacityBasis.AsObserved)] // Art 22
    [InlineData(40, false, CivilCapacity.None, CapacityBasis.AsDeclared, CivilCapacity.None, CapacityBasis.AsDeclared)] // Art 21(1)
    public void Capacity_IsDerivedFromTheBirthDateWhereThatDecidesIt(int age, bool ownLabour, CivilCapacity? stated, CapacityBasis? basis, CivilCapacity expected, CapacityBasis expectedBasis)
    {
        var problems = new List<LegalProblem>();
        var found = CivilCapacityRule.Assess(Born(age), Today, stated, basis, ownLabour, problems);
        problems.ShouldBeEmpty();
        found!.Capacity.ShouldBe(expected);
        found.Basis.ShouldBe(expectedBasis);
        found.Article.ShouldStartWith("《中华人民共和国民法典》第");
    }

    [Theory]
    [InlineData(7, false, CivilCapacity.Full, null, "victimCapacity", "capacity.contradicts-age")]
    [InlineData(7, false, CivilCapacity.Limited, CapacityBasis.AsObserved, "victimCapacity", "capacity.contradicts-age")]
    [InlineData(12, false, CivilCapacity.Full, null, "victimCapacity", "capacity.contradicts-age")]
    [InlineData(15, true, null, null, "livesOnOwnLabour", "capacity.own-labour-age")]
    [InlineData(30, true, null, null, "livesOnOwnLabour", "capacity.own-labour-age")]
    [InlineData(40, false, CivilCapacity.Limited, null, "capacityBasis", "capacity.basis-required")]
    [InlineData(40, false, null, CapacityBasis.Age, "capacityBasis", "capacity.basis-stated")]
    public void Capacity_ThatContradictsTheLawOrTheAge_IsRefusedNamingTheField(int age, bool ownLabour, CivilCapacity? stated, CapacityBasis? basis, string field, string code)
    {
        var problems = new List<LegalProblem>();
        CivilCapacityRule.Assess(Born(age), Today, stated, basis, ownLabour, problems).ShouldBeNull();
        problems.ShouldContain(new LegalProblem(field, code));
    }

    [Fact]
    public void Capacity_WithoutABirthDate_IsWhatIsStated_OrUnknown()
    {
        var problems = new List<LegalProblem>();
        CivilCapacityRule.Assess(null, Today, null, null, false, problems).ShouldBeNull();
        CivilCapacityRule.Assess(null, Today, CivilCapacity.Limited, CapacityBasis.AsObserved, false, problems)!.Capacity.ShouldBe(CivilCapacity.Limited);
        problems.ShouldBeEmpty();
    }

    // ---- Mandatory reporting (ADVL Art 14; WRPL 2022 Art 22; 2020 joint opinion on minors) ----

    private static readonly AgencyType[] Art14 = [AgencyType.School, AgencyType.Hospital, AgencyType.ResidentsCommittee, AgencyType.SocialWorkGroup, AgencyType.Shelter, AgencyType.CivilAffairs];

    private static readonly IReadOnlyList<ReportingDuty> Duties =
    [
        new("advl-14", Art14.ToHashSet(), ReportConcern.VictimWithoutFullCapacity, "《反家庭暴力法》第十四条", "ADVL Art 14"),
        new("minors-2020", Art14.ToHashSet(), ReportConcern.Minor, "高检发〔2020〕9号", "2020 joint opinion"),
        new("wrpl-22", new HashSet<AgencyType> { AgencyType.CivilAffairs, AgencyType.ResidentsCommittee }, ReportConcern.TraffickedWoman, "《妇女权益保障法》第二十二条", "WRPL Art 22"),
    ];

    [Theory]
    [InlineData(AgencyType.Hospital, CivilCapacity.Full, false, false, false, ReportKind.Referral, false)] // a 35-year-old
    [InlineData(AgencyType.Hospital, CivilCapacity.Full, false, false, true, ReportKind.Referral, true)] // sealed at the reporter's request
    [InlineData(AgencyType.ResidentsCommittee, CivilCapacity.Full, false, false, false, ReportKind.Referral, false)] // a frail 82-year-old with full capacity
    [InlineData(AgencyType.Hospital, CivilCapacity.None, true, false, false, ReportKind.Mandatory, true)] // a 7-year-old
    [InlineData(AgencyType.School, CivilCapacity.Limited, true, false, false, ReportKind.Mandatory, true)]
    [InlineData(AgencyType.Hospital, CivilCapacity.Limited, false, false, false, ReportKind.Mandatory, true)] // an adult who cannot fully recognise her conduct
    [InlineData(AgencyType.School, CivilCapacity.Full, true, false, false, ReportKind.Mandatory, true)] // 17, own labour: the minors' opinion still applies
    [InlineData(AgencyType.ResidentsCommittee, CivilCapacity.Full, false, true, false, ReportKind.Mandatory, true)] // WRPL Art 22
    [InlineData(AgencyType.Hospital, CivilCapacity.Full, false, true, false, ReportKind.Referral, false)] // a hospital is not named in Art 22
    public void AnInstitutionsReport_IsMandatoryOnlyWhenADutysConcernHolds(AgencyType reporter, CivilCapacity capacity, bool minor, bool trafficking, bool sealAsked, ReportKind kind, bool sealedReporter)
    {
        var problems = new List<LegalProblem>();
        var decision = MandatoryReporting.Decide(reporter, Duties, capacity, minor, trafficking, sealAsked, problems)!;
        problems.ShouldBeEmpty();
        decision.Kind.ShouldBe(kind);
        decision.ReporterSealed.ShouldBe(sealedReporter);
        (decision.Duties.Count > 0).ShouldBe(kind == ReportKind.Mandatory);
    }

    [Fact]
    public void AnEmployerOrAnUnlistedBody_IsNotUnderTheDuty()
    {
        var problems = new List<LegalProblem>();
        MandatoryReporting.Decide(null, Duties, CivilCapacity.None, true, false, false, problems).ShouldBeNull();
        MandatoryReporting.Decide(AgencyType.CounsellingCentre, Duties, CivilCapacity.None, true, false, false, problems).ShouldBeNull();
        problems.ShouldAllBe(p => p == new LegalProblem("reporterInstitution", "report.not-under-duty"));
    }

    [Fact]
    public void WithNoCapacityKnownAndNoOtherDuty_TheCapacityMustBeRecorded()
    {
        var problems = new List<LegalProblem>();
        MandatoryReporting.Decide(AgencyType.Hospital, Duties, null, false, false, false, problems).ShouldBeNull();
        problems.ShouldBe([new LegalProblem("victimCapacity", "report.capacity-required")]);
    }

    // ---- Who may apply (ADVL Art 23, SPC 2022 Art 2) ----

    [Theory]
    [InlineData(ApplicantType.Victim, null, null, null)]
    [InlineData(ApplicantType.CloseRelative, InabilityReason.NoCapacity, null, null)]
    [InlineData(ApplicantType.WomensFederation, InabilityReason.Coercion, null, null)]
    [InlineData(ApplicantType.Police, InabilityReason.Intimidation, null, null)]
    [InlineData(ApplicantType.ResidentsCommittee, InabilityReason.LimitedCapacity, null, null)]
    [InlineData(ApplicantType.WomensFederation, null, null, "inabilityReason")] // a capable adult, no reason: Art 23 does not allow it
    [InlineData(ApplicantType.CivilAffairs, null, null, "inabilityReason")]
    [InlineData(ApplicantType.CivilAffairs, InabilityReason.OldAge, VictimWishes.Wants, null)]
    [InlineData(ApplicantType.CivilAffairs, InabilityReason.OldAge, VictimWishes.DoesNotWant, "victimWishes")] // against her wishes
    [InlineData(ApplicantType.CivilAffairs, InabilityReason.OldAge, null, "victimWishes")]
    [InlineData(ApplicantType.DisabledPersonsFederation, InabilityReason.Disability, VictimWishes.Wants, null)]
    [InlineData(ApplicantType.ElderlyOrganisation, InabilityReason.SeriousIllness, VictimWishes.Wants, null)]
    [InlineData(ApplicantType.CloseRelative, InabilityReason.SeriousIllness, VictimWishes.Wants, null)] // the Art 23 bodies too, under SPC Art 2
    [InlineData(ApplicantType.CivilAffairs, InabilityReason.Coercion, null, "applicantType")] // SPC Art 2 bodies: only old age, disability, illness
    [InlineData(ApplicantType.ElderlyOrganisation, InabilityReason.NoCapacity, null, "applicantType")]
    public void WhoMayApplyForWhom(ApplicantType applicant, InabilityReason? reason, VictimWishes? wishes, string? refusedField)
    {
        var problems = ApplicantStanding.Problems(applicant, reason, wishes).ToList();
        if (refusedField is null)
        {
            problems.ShouldBeEmpty();
        }
        else
        {
            problems.Select(p => p.Field).ShouldContain(refusedField);
        }
    }

    // ---- Eligibility (ADVL Art 27, SPC 2022 Art 1, WRPL 2022 Art 29) ----

    [Theory]
    [InlineData(RespondentRelation.FormerDatingPartner, "2023-01-01", true)]
    [InlineData(RespondentRelation.FormerDatingPartner, "2022-12-31", false)]
    [InlineData(RespondentRelation.DatingPartner, "2023-01-02", true)]
    [InlineData(RespondentRelation.FormerSpouse, "2022-06-01", false)]
    [InlineData(RespondentRelation.Spouse, "2022-06-01", true)]
    [InlineData(RespondentRelation.Cohabitant, "2017-01-01", true)]
    public void FormerSpousesAndDatingPartners_AreCoveredForApplicationsReceivedFrom2023(RespondentRelation relation, string received, bool eligible)
    {
        var on = DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture);
        var problems = ProtectionOrderEligibility.Problems(relation, on, Today, null).ToList();
        (problems.Count == 0).ShouldBe(eligible);
        var basis = ProtectionOrderEligibility.Cite(ProtectionOrderEligibility.Basis(ApplicantType.Victim, null, relation, on));
        basis.Contains("《中华人民共和国妇女权益保障法》第二十九条", StringComparison.Ordinal).ShouldBe(eligible && ProtectionOrderEligibility.NeedsWrpl29(relation));
    }

    [Fact]
    public void TheReceivedDay_IsNotInTheFuture_NorBeforeTheIncident_NorBeforeTheLaw()
    {
        ProtectionOrderEligibility.Problems(RespondentRelation.Spouse, Today.AddDays(1), Today, null).ShouldContain(new LegalProblem("receivedOn", "legal.in-future"));
        ProtectionOrderEligibility.Problems(RespondentRelation.Spouse, Today.AddDays(-3), Today, Today.AddDays(-2)).ShouldContain(new LegalProblem("receivedOn", "legal.received-before-incident"));
        ProtectionOrderEligibility.Problems(RespondentRelation.Spouse, new DateOnly(2016, 2, 29), Today, null).ShouldContain(new LegalProblem("receivedOn", "legal.before-advl"));
        ProtectionOrderEligibility.Problems(RespondentRelation.Spouse, Today.AddDays(-10), Today, Today.AddDays(-11)).ShouldBeEmpty(); // a paper application entered later
        ProtectionOrderEligibility.Problems(null, Today, Today, null).ShouldContain(new LegalProblem("respondentRelation", "legal.relation-required"));
    }

    [Fact]
    public void TheBasisSentence_IsComposedFromTheApplicableArticles()
    {
        ProtectionOrderEligibility.Cite(ProtectionOrderEligibility.Basis(ApplicantType.Victim, null, RespondentRelation.Spouse, Today))
            .ShouldBe("《中华人民共和国反家庭暴力法》第二十三条、第二十七条、第二十九条，《最高人民法院关于办理人身安全保护令案件适用法律若干问题的规定》第一条");
        ProtectionOrderEligibility.Cite(ProtectionOrderEligibility.Basis(ApplicantType.CivilAffairs, InabilityReason.OldAge, RespondentRelation.FormerDatingPartner, Today))
            .ShouldBe("《中华人民共和国反家庭暴力法》第二十三条、第二十七条、第二十九条，《中华人民共和国妇女权益保障法》第二十九条，《最高人民法院关于办理人身安全保护令案件适用法律若干问题的规定》第一条、第二条");
        ProtectionOrderEligibility.Numeral(313).ShouldBe("三百一十三");
        ProtectionOrderEligibility.Numeral(10).ShouldBe("十");
        ProtectionOrderEligibility.Numeral(101).ShouldBe("一百零一");
        ProtectionOrderEligibility.Numeral(37).ShouldBe("三十七");
    }

    // ---- Breach (ADVL Art 34) ----

    [Theory]
    [InlineData(BreachResponse.Admonition, null, null, null)]
    [InlineData(BreachResponse.Admonition, 1000, null, null)]
    [InlineData(BreachResponse.Admonition, null, 15, null)]
    [InlineData(BreachResponse.Admonition, 1000, 15, null)]
    [InlineData(BreachResponse.CriminalTransfer, null, null, null)]
    [InlineData(BreachResponse.Admonition, 1001, null, "fineYuan")]
    [InlineData(BreachResponse.Admonition, 0, null, "fineYuan")]
    [InlineData(BreachResponse.Admonition, null, 16, "detentionDays")]
    [InlineData(BreachResponse.CriminalTransfer, 500, null, "fineYuan")]
    [InlineData(null, null, null, "response")]
    public void ABreach_IsAnsweredOnlyAsArt34Allows(BreachResponse? response, int? fine, int? days, string? refusedField)
    {
        var problems = BreachSanction.Problems(response, fine, days, null);
        if (refusedField is null)
        {
            problems.ShouldBeEmpty();
            var decided = BreachSanction.Decide(response, fine, days, null);
            if (response == BreachResponse.CriminalTransfer)
            {
                decided.CriminalBasis.ShouldBe("《中华人民共和国刑法》第三百一十三条");
            }
        }
        else
        {
            problems.Select(p => p.Field).ShouldContain(refusedField);
            Should.Throw<DomainRuleViolationException>(() => BreachSanction.Decide(response, fine, days, null)).Code.ShouldStartWith("legal.art34");
        }
    }
}
