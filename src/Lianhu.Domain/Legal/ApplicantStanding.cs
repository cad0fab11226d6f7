namespace Lianhu.Domain.Legal;

/// <summary>Why the victim cannot apply herself (ADVL Art 23(2); SPC 2022 Art 2).</summary>
public enum InabilityReason
{
    /// <summary>无民事行为能力 (ADVL Art 23(2)).</summary>
    NoCapacity,

    /// <summary>限制民事行为能力 (ADVL Art 23(2)).</summary>
    LimitedCapacity,

    /// <summary>受到强制 (ADVL Art 23(2)).</summary>
    Coercion,

    /// <summary>受到威吓 (ADVL Art 23(2)).</summary>
    Intimidation,

    /// <summary>年老 (SPC 2022 Art 2).</summary>
    OldAge,

    /// <summary>残疾 (SPC 2022 Art 2).</summary>
    Disability,

    /// <summary>重病 (SPC 2022 Art 2).</summary>
    SeriousIllness,
}

/// <summary>The victim's wishes about a proxy's application (SPC 2022 Art 2: "根据当事人意愿").</summary>
public enum VictimWishes
{
    /// <summary>She wishes the application to be made.</summary>
    Wants,

    /// <summary>She does not wish it.</summary>
    DoesNotWant,
}

/// <summary>
/// Who may apply for whom, as the law is written.
/// <list type="bullet">
/// <item>The victim herself (ADVL Art 23(1)).</item>
/// <item>On her behalf, a close relative, the police, the women's federation, a residents'/villagers'
/// committee or a relief management agency — <b>only when</b> she has no or limited civil capacity, or
/// cannot apply because of coercion or intimidation (ADVL Art 23(2)).</item>
/// <item>When she cannot apply because of old age, disability or serious illness: the bodies above and
/// civil affairs, the disabled persons' federation and lawfully established elderly organisations —
/// <b>according to her wishes</b> (SPC 法释〔2022〕17号 Art 2).</item>
/// </list>
/// </summary>
public static class ApplicantStanding
{
    public const string Advl23 = "《中华人民共和国反家庭暴力法》第二十三条";
    public const string Spc2 = "《最高人民法院关于办理人身安全保护令案件适用法律若干问题的规定》（法释〔2022〕17号）第二条";

    private static readonly HashSet<ApplicantType> Art23Proxies =
        [ApplicantType.CloseRelative, ApplicantType.Police, ApplicantType.WomensFederation, ApplicantType.ResidentsCommittee, ApplicantType.ReliefAgency];

    private static readonly HashSet<ApplicantType> Spc2Proxies =
        [.. Art23Proxies, ApplicantType.CivilAffairs, ApplicantType.DisabledPersonsFederation, ApplicantType.ElderlyOrganisation];

    public static bool IsArt23Reason(InabilityReason reason) =>
        reason is InabilityReason.NoCapacity or InabilityReason.LimitedCapacity or InabilityReason.Coercion or InabilityReason.Intimidation;

    public static bool IsSpc2Reason(InabilityReason reason) =>
        reason is InabilityReason.OldAge or InabilityReason.Disability or InabilityReason.SeriousIllness;

    /// <summary>What the law does not allow, each naming the field (<c>inabilityReason</c>, <c>victimWishes</c>, <c>applicantType</c>).</summary>
    public static IEnumerable<LegalProblem> Problems(ApplicantType applicant, InabilityReason? reason, VictimWishes? wishes)
    {
        if (applicant == ApplicantType.Victim)
        {
            yield break;
        }

        if (reason is not { } why)
        {
            // A proxy applies only when she cannot: the reason is the condition (Art 23(2), SPC Art 2).
            yield return new("inabilityReason", Spc2Proxies.Contains(applicant) && !Art23Proxies.Contains(applicant) ? "legal.spc2-reason" : "legal.art23-proxy-reason");
            yield break;
        }

        if (IsArt23Reason(why))
        {
            if (!Art23Proxies.Contains(applicant))
            {
                // Civil affairs, the disabled persons' federation and elderly organisations apply only for old age, disability or illness.
                yield return new("applicantType", "legal.spc2-proxy-for-reason");
            }

            yield break;
        }

        // Old age, disability, serious illness: SPC 2022 Art 2, and then according to her wishes.
        if (!Spc2Proxies.Contains(applicant))
        {
            yield return new("applicantType", "legal.spc2-proxy-for-reason");
        }
        else if (wishes is null)
        {
            yield return new("victimWishes", "legal.spc2-wishes-required");
        }
        else if (wishes == VictimWishes.DoesNotWant)
        {
            yield return new("victimWishes", "legal.against-wishes");
        }
    }

    /// <summary>The articles a proxy's standing rests on (none beyond Art 23(1) for the victim).</summary>
    public static IReadOnlyList<string> Articles(ApplicantType applicant, InabilityReason? reason) =>
        applicant == ApplicantType.Victim || reason is null ? [] : IsSpc2Reason(reason.Value) ? [Spc2] : [Advl23];
}
