namespace Lianhu.Domain.Legal;

/// <summary>A law and an article, e.g. 《中华人民共和国反家庭暴力法》 Art 27.</summary>
public sealed record Citation(string Law, int Article);

/// <summary>
/// Who an order is available against and when, and the articles an application rests on.
/// <list type="bullet">
/// <item>ADVL Art 27: an identified respondent, a specific request, DV suffered or a real danger of it
/// (checked by <see cref="ProtectionOrderApplication.Problems"/>). SPC 法释〔2022〕17号 Art 1: no divorce
/// or other civil suit is needed.</item>
/// <item>Family members (ADVL Art 2) and people living together (Art 37) are covered since 2016-03-01.</item>
/// <item>Former spouses and present or former dating partners: WRPL 2022 Art 29, in force 2023-01-01 —
/// for applications the court <b>received</b> on or after that day.</item>
/// <item>The application date is the day the court received it: not in the future, not before the
/// incident, not before ADVL came into force.</item>
/// </list>
/// </summary>
public static class ProtectionOrderEligibility
{
    public const string Advl = "《中华人民共和国反家庭暴力法》";
    public const string Wrpl = "《中华人民共和国妇女权益保障法》";
    public const string Spc = "《最高人民法院关于办理人身安全保护令案件适用法律若干问题的规定》";

    /// <summary>ADVL in force (Art 38).</summary>
    public static readonly DateOnly AdvlInForce = new(2016, 3, 1);

    /// <summary>WRPL 2022 in force (Art 86).</summary>
    public static readonly DateOnly WrplInForce = new(2023, 1, 1);

    public static bool NeedsWrpl29(RespondentRelation relation) =>
        relation is RespondentRelation.FormerSpouse or RespondentRelation.DatingPartner or RespondentRelation.FormerDatingPartner;

    /// <summary>Problems naming <c>respondentRelation</c> and <c>receivedOn</c>.</summary>
    public static IEnumerable<LegalProblem> Problems(RespondentRelation? relation, DateOnly receivedOn, DateOnly today, DateOnly? incidentDay)
    {
        if (relation is null)
        {
            yield return new("respondentRelation", "legal.relation-required");
        }

        if (receivedOn > today)
        {
            yield return new("receivedOn", "legal.in-future");
        }
        else if (receivedOn < AdvlInForce)
        {
            yield return new("receivedOn", "legal.before-advl");
        }
        else if (incidentDay is { } incident && receivedOn < incident)
        {
            yield return new("receivedOn", "legal.received-before-incident");
        }

        if (relation is { } r && NeedsWrpl29(r) && receivedOn < WrplInForce)
        {
            yield return new("respondentRelation", "legal.wrpl29-not-in-force");
        }
    }

    /// <summary>The articles the application rests on, in the order they are cited.</summary>
    public static IReadOnlyList<Citation> Basis(ApplicantType applicant, InabilityReason? reason, RespondentRelation? relation, DateOnly receivedOn)
    {
        var list = new List<Citation> { new(Advl, 23), new(Advl, 27), new(Advl, 29) };
        if (relation == RespondentRelation.Cohabitant)
        {
            list.Add(new(Advl, 37));
        }

        if (relation is { } r && NeedsWrpl29(r) && receivedOn >= WrplInForce)
        {
            list.Add(new(Wrpl, 29));
        }

        list.Add(new(Spc, 1));
        if (applicant != ApplicantType.Victim && reason is { } why && ApplicantStanding.IsSpc2Reason(why))
        {
            list.Add(new(Spc, 2));
        }

        return list;
    }

    /// <summary>"《反家庭暴力法》第二十三条、第二十七条，《妇女权益保障法》第二十九条" — laws in order, articles joined by "、".</summary>
    public static string Cite(IEnumerable<Citation> citations) =>
        string.Join("，", citations.GroupBy(c => c.Law).Select(g => g.Key + string.Join("、", g.Select(c => $"第{Numeral(c.Article)}条"))));

    /// <summary>Chinese numerals for 1–999 as articles are written (第二十九条, 第一百一十三条).</summary>
    public static string Numeral(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        const string digits = "零一二三四五六七八九";
        var hundreds = n / 100;
        var tens = n / 10 % 10;
        var ones = n % 10;
        var text = string.Empty;
        if (hundreds > 0)
        {
            text += digits[hundreds] + "百";
        }

        if (tens > 0)
        {
            text += (tens == 1 && hundreds == 0 ? string.Empty : digits[tens].ToString()) + "十";
        }
        else if (hundreds > 0 && ones > 0)
        {
            text += "零";
        }

        if (ones > 0)
        {
            text += digits[ones];
        }

        return text;
    }
}
