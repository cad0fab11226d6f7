using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Identity;

/// <summary>
/// "City-level bureaus see their city for their own agency type": which agency types a bureau at
/// city or district tier supervises within its division (policy; the linkage centres supervise
/// everything in their division through <see cref="Features.Cases.CaseScope"/> already).
/// </summary>
public static class SupervisionLines
{
    private static readonly Dictionary<AgencyType, AgencyType[]> Lines = new()
    {
        [AgencyType.PoliceBureau] = [AgencyType.PoliceBureau, AgencyType.PoliceStation, AgencyType.InjuryAppraisalCentre],
        [AgencyType.JudicialBureau] = [AgencyType.JudicialBureau, AgencyType.JudicialOffice, AgencyType.LegalAidCentre, AgencyType.MediationCentre],
        [AgencyType.CivilAffairs] = [AgencyType.CivilAffairs, AgencyType.Shelter],
        [AgencyType.WomensFederation] = [AgencyType.WomensFederation, AgencyType.CounsellingCentre],
        [AgencyType.Court] = [AgencyType.Court],
        [AgencyType.Procuratorate] = [AgencyType.Procuratorate],
        [AgencyType.EducationBureau] = [AgencyType.EducationBureau, AgencyType.School],
        [AgencyType.HealthCommission] = [AgencyType.HealthCommission, AgencyType.Hospital],
    };

    public static IReadOnlyList<AgencyType> Supervises(AgencyType type, Tier tier) =>
        tier is Tier.City or Tier.District && Lines.TryGetValue(type, out var line) ? line : [];
}
