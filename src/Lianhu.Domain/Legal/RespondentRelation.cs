namespace Lianhu.Domain.Legal;

/// <summary>
/// The respondent's relation to the person to be protected, which decides which law makes an order
/// available: family members (ADVL Art 2), people living together other than family members (ADVL
/// Art 37), and — for applications the court received on or after 2023-01-01 — former spouses and
/// present or former dating partners (Women's Rights Protection Law 2022 Art 29).
/// </summary>
public enum RespondentRelation
{
    Spouse,
    Parent,
    Child,
    OtherFamilyMember,

    /// <summary>家庭成员以外共同生活的人 (ADVL Art 37), e.g. cohabiting partners.</summary>
    Cohabitant,
    FormerSpouse,
    DatingPartner,
    FormerDatingPartner,
}
