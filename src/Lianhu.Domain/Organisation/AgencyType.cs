namespace Lianhu.Domain.Organisation;

/// <summary>
/// The kinds of member units of the linkage mechanism. The kebab-case id of each member
/// (<see cref="Common.StableName"/>) is the stable name used in the API and in configuration.
/// </summary>
public enum AgencyType
{
    LinkageCentre,
    CommunityWorkstation,
    PoliceBureau,
    PoliceStation,
    WomensFederation,
    Court,
    Procuratorate,
    JudicialBureau,
    JudicialOffice,
    LegalAidCentre,
    CivilAffairs,
    Shelter,
    Hospital,
    InjuryAppraisalCentre,
    CounsellingCentre,
    MediationCentre,
    PerpetratorProgramme,
    SocialWorkGroup,
    School,
    ResidentsCommittee,
    EducationBureau,
    HealthCommission,
    DisabledPersonsFederation,
}
