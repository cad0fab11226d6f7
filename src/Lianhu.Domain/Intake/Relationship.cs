namespace Lianhu.Domain.Intake;

/// <summary>
/// How the victim and the respondent are related. Dating and former partners are covered by
/// protection orders since the Women's Rights Protection Law 2022 (Art 29); co-living non-family
/// members by ADVL Art 37.
/// </summary>
public enum Relationship
{
    Spouse,
    FormerSpouse,
    Cohabitant,
    Dating,
    FormerDating,
    ParentChild,
    OtherFamily,
    CoLiving,
}
