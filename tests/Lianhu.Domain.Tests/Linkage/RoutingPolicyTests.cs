using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Linkage;

public class RoutingPolicyTests
{
    private static readonly DivisionCode Community = DivisionCode.Parse("440306017001");

    private static RoutingPolicy Shipped()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Lianhu.sln")))
        {
            dir = dir.Parent;
        }

        return RoutingPolicyJson.Load(Path.Combine(dir.FullName, "config", "policies", "routing.json"));
    }

    private static DirectoryAgency A(AgencyType type, string division) =>
        new(Guid.NewGuid(), type, DivisionCode.Parse(division));

    // A small city: Shenzhen, Baoan, one town, one community; the shelter only at the city.
    private static readonly DirectoryAgency CityCentre = A(AgencyType.LinkageCentre, "440300");
    private static readonly DirectoryAgency DistrictCentre = A(AgencyType.LinkageCentre, "440306");
    private static readonly DirectoryAgency TownCentre = A(AgencyType.LinkageCentre, "440306017");
    private static readonly DirectoryAgency Station = A(AgencyType.PoliceStation, "440306017");
    private static readonly DirectoryAgency OtherStation = A(AgencyType.PoliceStation, "440306018");
    private static readonly DirectoryAgency Workstation = A(AgencyType.CommunityWorkstation, "440306017001");
    private static readonly DirectoryAgency Court = A(AgencyType.Court, "440306");
    private static readonly DirectoryAgency CityCourt = A(AgencyType.Court, "440300");
    private static readonly DirectoryAgency LegalAid = A(AgencyType.LegalAidCentre, "440306");
    private static readonly DirectoryAgency CityShelter = A(AgencyType.Shelter, "440300");
    private static readonly DirectoryAgency[] Directory = [CityCentre, DistrictCentre, TownCentre, Station, OtherStation, Workstation, Court, CityCourt, LegalAid, CityShelter];

    [Fact]
    public void HighRisk_GoesToTheCityCentre_TheLeadingGroup_TheTownsPoliceStation_TheDistrictCourt_AndTheCommunity_InBaoansOrder()
    {
        var tasks = Shipped().Route(new RoutingContext(Community, CommonRiskLevel.High), Directory);

        tasks.Select(t => (t.Rule, t.AgencyId, t.Role)).ShouldBe(
        [
            (3, CityCentre.Id, null),
            (4, CityCentre.Id, "supervisor"),
            (5, Station.Id, null),
            (11, Court.Id, null),
            (14, Workstation.Id, null),
        ]);
        tasks[0].Reason.En.ShouldBe("high risk → city linkage centre, policy v1 rule 3");
        tasks[0].Tier.ShouldBe(Tier.City);
        tasks[2].Tier.ShouldBe(Tier.Town);
        tasks.Select(t => t.Step).ShouldBe(["coordinate", "coordinate", "punish", "protection-order", "follow-up"]);
    }

    [Fact]
    public void LowAndMedium_GoToTheCommunityWorkstation_AndTheDistrictCentre()
    {
        var policy = Shipped();
        policy.Route(new RoutingContext(Community, CommonRiskLevel.Low), Directory).Select(t => t.AgencyId).ShouldBe([Workstation.Id]);
        policy.Route(new RoutingContext(Community, CommonRiskLevel.Medium), Directory).Select(t => t.AgencyId).ShouldBe([DistrictCentre.Id, Station.Id, Workstation.Id]);
        policy.Route(new RoutingContext(Community, null), Directory).ShouldBeEmpty();
    }

    [Fact]
    public void Needs_ReachTheSixCentres_ClimbingToTheCityWhenTheDistrictHasNone()
    {
        var context = new RoutingContext(Community, CommonRiskLevel.Low) { Needs = new HashSet<string> { "legal-aid", "shelter" } };

        var tasks = Shipped().Route(context, Directory);

        tasks.Single(t => t.Rule == 10).AgencyId.ShouldBe(LegalAid.Id);
        var shelter = tasks.Single(t => t.Rule == 13);
        shelter.AgencyId.ShouldBe(CityShelter.Id);
        shelter.Tier.ShouldBe(Tier.City);
    }

    [Fact]
    public void AnAgencyTypeMissingEverywhere_GoesToTheNearestLinkageCentre_SaidSo()
    {
        var context = new RoutingContext(Community, CommonRiskLevel.Low) { Minor = true };

        var task = Shipped().Route(context, Directory).Single(t => t.Rule == 15);

        task.AgencyId.ShouldBe(TownCentre.Id);
        task.Reason.En.ShouldContain("no such agency in the directory");
    }

    [Fact]
    public void MediationIsNeverRoutedAtHighRisk()
    {
        var needs = new HashSet<string> { "mediation" };
        var policy = Shipped();
        policy.Route(new RoutingContext(Community, CommonRiskLevel.High) { Needs = needs }, Directory).ShouldNotContain(t => t.Rule == 9);
        policy.Route(new RoutingContext(Community, CommonRiskLevel.Medium) { Needs = needs }, Directory).ShouldContain(t => t.Rule == 9);
    }

    [Theory]
    [InlineData("\"agency\": \"police-station\"", "\"agency\": \"polic\"", "rules[0].agency: 'polic' is not one of")]
    [InlineData("\"dueHours\": 24", "\"dueHours\": 0", "rules[0].dueHours")]
    [InlineData("\"step\": \"punish\"", "\"step\": \"arrest\"", "rules[0].step: 'arrest'")]
    [InlineData("\"levels\": [\"high\"]", "\"levels\": [\"severe\"]", "rules[0].when.levels[0]")]
    [InlineData("\"agency\": \"police-station\"", "\"agency\": \"community-workstation\"", "rules[0].tier: a community-workstation never sits")]
    [InlineData("\"version\": 1", "\"version\": 0", "version:")]
    public void Loader_NamesTheFieldItRefuses(string from, string to, string expected)
    {
        const string Valid = """
            { "id": "routing", "version": 1, "steps": ["punish"],
              "rules": [ { "id": 1, "step": "punish", "when": { "levels": ["high"] }, "agency": "police-station", "tier": "town", "dueHours": 24,
                           "reason": { "zh-CN": "高", "en": "high" } } ] }
            """;
        RoutingPolicyJson.Parse(Valid, "routing.json").Rules.Count.ShouldBe(1);

        var ex = Should.Throw<FormatException>(() => RoutingPolicyJson.Parse(Valid.Replace(from, to, StringComparison.Ordinal), "routing.json"));

        ex.Message.ShouldStartWith("routing.json: ");
        ex.Message.ShouldContain(expected);
    }
}
