using Lianhu.Domain.Access;

namespace Lianhu.Domain.Organisation;

/// <summary>What an agency type is: the tiers it may sit at and the roles its staff may hold.</summary>
public sealed record AgencyTypeInfo(AgencyType Type, IReadOnlyList<Tier> Tiers, IReadOnlyList<Role> Roles)
{
    /// <summary>The tier a single demo instance of this type is placed at.</summary>
    public Tier HomeTier => Tiers[0];
}

/// <summary>
/// Where each member unit sits in the four tiers and which roles it has. Kept in one table so
/// the admin screens, the demo seed and validation agree.
/// </summary>
public static class AgencyTypeCatalogue
{
    private static readonly Role[] Handling = [Role.Caseworker, Role.Supervisor];
    private static readonly Role[] Reporting = [Role.Reporter, Role.Supervisor];

    private static readonly Dictionary<AgencyType, AgencyTypeInfo> Table = new AgencyTypeInfo[]
    {
        new(AgencyType.LinkageCentre, [Tier.City, Tier.District, Tier.Town], [Role.Caseworker, Role.Supervisor, Role.Statistician, Role.Auditor, Role.Sysadmin]),
        new(AgencyType.CommunityWorkstation, [Tier.Community], Handling),
        new(AgencyType.PoliceBureau, [Tier.City, Tier.District], Handling),
        new(AgencyType.PoliceStation, [Tier.Town], Handling),
        new(AgencyType.WomensFederation, [Tier.District, Tier.City, Tier.Town], Handling),
        new(AgencyType.Court, [Tier.District, Tier.City], Handling),
        new(AgencyType.Procuratorate, [Tier.District, Tier.City], Handling),
        new(AgencyType.JudicialBureau, [Tier.District, Tier.City], Handling),
        new(AgencyType.JudicialOffice, [Tier.Town], Handling),
        new(AgencyType.LegalAidCentre, [Tier.District, Tier.City], Handling),
        new(AgencyType.CivilAffairs, [Tier.District, Tier.City], Handling),
        new(AgencyType.Shelter, [Tier.City, Tier.District], Handling),
        new(AgencyType.Hospital, [Tier.District, Tier.City, Tier.Town], [Role.Reporter, Role.Caseworker, Role.Supervisor]),
        new(AgencyType.InjuryAppraisalCentre, [Tier.City, Tier.District], Handling),
        new(AgencyType.CounsellingCentre, [Tier.District, Tier.City], Handling),
        new(AgencyType.MediationCentre, [Tier.District, Tier.Town], Handling),
        new(AgencyType.PerpetratorProgramme, [Tier.District, Tier.City], Handling),
        new(AgencyType.SocialWorkGroup, [Tier.District, Tier.Town], [Role.Caseworker, Role.Supervisor, Role.Reporter]),
        new(AgencyType.School, [Tier.Town, Tier.Community], Reporting),
        new(AgencyType.ResidentsCommittee, [Tier.Community], [Role.Reporter, Role.Caseworker, Role.Supervisor]),
        new(AgencyType.EducationBureau, [Tier.District, Tier.City], Handling),
        new(AgencyType.HealthCommission, [Tier.District, Tier.City], Handling),
        new(AgencyType.DisabledPersonsFederation, [Tier.District, Tier.City], Handling),
    }.ToDictionary(i => i.Type);

    public static IReadOnlyCollection<AgencyTypeInfo> All => Table.Values;

    public static AgencyTypeInfo Get(AgencyType type) => Table[type];

    public static bool AllowsTier(AgencyType type, Tier tier) => Table[type].Tiers.Contains(tier);

    public static bool AllowsRole(AgencyType type, Role role) => Table[type].Roles.Contains(role);
}
