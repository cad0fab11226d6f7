namespace Lianhu.Domain.Legal;

/// <summary>
/// Who applies for a protection order: the victim, or a proxy on the victim's behalf. ADVL Art 23
/// names close relatives, police, women's federations, residents'/villagers' committees and relief
/// agencies; the SPC 2022 Provisions Art 2 add civil affairs, disabled persons' federations and
/// organisations for the elderly.
/// </summary>
public enum ApplicantType
{
    Victim,
    CloseRelative,
    Police,
    WomensFederation,

    /// <summary>A residents' or villagers' committee.</summary>
    ResidentsCommittee,
    ReliefAgency,
    CivilAffairs,
    DisabledPersonsFederation,
    ElderlyOrganisation,
}
