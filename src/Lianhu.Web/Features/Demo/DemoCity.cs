using System.Security.Cryptography;
using System.Text;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Features.Demo;

/// <summary>
/// The demo city, computed from the bundled division data so it is the same on every machine:
/// Shenzhen (440300) with three districts (宝安, 福田, 南山), their first two streets and each
/// street's first two communities; every agency type at its proper tier; one account per role per
/// agency. Ids are derived from stable keys so <c>lianhu demo-accounts</c> agrees with the database.
/// </summary>
public sealed class DemoCity
{
    public const string City = "4403";
    public const string Password = "Lianhu-Demo-2026!";
    public static readonly string[] Districts = ["440306", "440304", "440305"];

    public required IReadOnlyList<(DivisionCode Code, string Name)> AllDivisions { get; init; }

    public required IReadOnlyList<DemoAgency> Agencies { get; init; }

    public IEnumerable<DemoAccount> Accounts => Agencies.SelectMany(a =>
        AgencyTypeCatalogue.Get(a.Type).Roles.Select(r => new DemoAccount($"{a.Division.Value}.{StableName.Of(a.Type)}.{StableName.Of(r)}", a, r)));

    public static DemoCity Load(string divisionFile)
    {
        var all = DivisionImporterReader(divisionFile);
        var byParent = all.Where(d => d.Code.Parent is not null).ToLookup(d => d.Code.Parent!.Value.Value);
        var city = all.Single(d => d.Code.Tier == Tier.City);
        var agencies = new List<DemoAgency>();
        void Add(AgencyType type, (DivisionCode Code, string Name) division, string name) =>
            agencies.Add(new DemoAgency(StableId($"agency:{division.Code.Value}:{StableName.Of(type)}"), name, type, division.Code));

        foreach (var (type, suffix) in CityAgencies)
        {
            Add(type, city, city.Name + suffix);
        }

        foreach (var districtCode in Districts)
        {
            var district = all.Single(d => d.Code.Value == districtCode);
            foreach (var (type, suffix) in DistrictAgencies)
            {
                Add(type, district, district.Name + suffix);
            }

            foreach (var town in byParent[districtCode].OrderBy(d => d.Code.Value).Take(2))
            {
                foreach (var (type, suffix) in TownAgencies)
                {
                    Add(type, town, town.Name + suffix);
                }

                foreach (var community in byParent[town.Code.Value].OrderBy(d => d.Code.Value).Take(2))
                {
                    var shortName = community.Name.Replace("居委会", string.Empty, StringComparison.Ordinal).Replace("村委会", string.Empty, StringComparison.Ordinal);
                    foreach (var (type, suffix) in CommunityAgencies)
                    {
                        Add(type, community, shortName + suffix);
                    }
                }
            }
        }

        return new DemoCity { AllDivisions = all, Agencies = agencies };
    }

    /// <summary>A deterministic id (SHA-256 of the key, shaped as an RFC 9562 version-8 UUID).</summary>
    public static Guid StableId(string key) => Data.StableIds.For(key);

    private static List<(DivisionCode Code, string Name)> DivisionImporterReader(string file) => [.. Divisions.DivisionImporter.Read(file)];

    private static readonly (AgencyType, string)[] CityAgencies =
    [
        (AgencyType.LinkageCentre, "家庭暴力联动干预中心"),
        (AgencyType.PoliceBureau, "公安局"),
        (AgencyType.WomensFederation, "妇女联合会"),
        (AgencyType.Court, "中级人民法院"),
        (AgencyType.Procuratorate, "人民检察院"),
        (AgencyType.JudicialBureau, "司法局"),
        (AgencyType.LegalAidCentre, "法律援助中心"),
        (AgencyType.CivilAffairs, "民政局"),
        (AgencyType.Shelter, "救助管理站（反家暴庇护所）"),
        (AgencyType.Hospital, "人民医院"),
        (AgencyType.InjuryAppraisalCentre, "公安局伤情鉴定中心"),
        (AgencyType.EducationBureau, "教育局"),
        (AgencyType.HealthCommission, "卫生健康委员会"),
        (AgencyType.DisabledPersonsFederation, "残疾人联合会"),
    ];

    private static readonly (AgencyType, string)[] DistrictAgencies =
    [
        (AgencyType.LinkageCentre, "家庭暴力联动干预中心"),
        (AgencyType.PoliceBureau, "公安分局"),
        (AgencyType.WomensFederation, "妇女联合会"),
        (AgencyType.Court, "人民法院"),
        (AgencyType.Procuratorate, "人民检察院"),
        (AgencyType.JudicialBureau, "司法局"),
        (AgencyType.LegalAidCentre, "法律援助中心"),
        (AgencyType.CivilAffairs, "民政局"),
        (AgencyType.Hospital, "人民医院"),
        (AgencyType.CounsellingCentre, "心理咨询中心"),
        (AgencyType.MediationCentre, "婚姻家庭纠纷调解中心"),
        (AgencyType.PerpetratorProgramme, "施暴者强制辅导中心"),
        (AgencyType.SocialWorkGroup, "社工服务保护小组"),
        (AgencyType.EducationBureau, "教育局"),
        (AgencyType.HealthCommission, "卫生健康局"),
        (AgencyType.DisabledPersonsFederation, "残疾人联合会"),
    ];

    private static readonly (AgencyType, string)[] TownAgencies =
    [
        (AgencyType.LinkageCentre, "家庭暴力联动干预站"),
        (AgencyType.PoliceStation, "派出所"),
        (AgencyType.JudicialOffice, "司法所"),
        (AgencyType.School, "中心小学"),
    ];

    private static readonly (AgencyType, string)[] CommunityAgencies =
    [
        (AgencyType.CommunityWorkstation, "社区反家暴工作站"),
        (AgencyType.ResidentsCommittee, "居民委员会"),
    ];
}

public sealed record DemoAgency(Guid Id, string Name, AgencyType Type, DivisionCode Division)
{
    /// <summary>The agency's duty mailbox in the demo city: under the reserved <c>.invalid</c> domain, so no mail can reach anyone.</summary>
    public string DutyEmail => $"duty@{Id:N}.demo.lianhu.invalid";
}

public sealed record DemoAccount(string Username, DemoAgency Agency, Role Role)
{
    public Guid UserId => DemoCity.StableId("user:" + Username);
}
