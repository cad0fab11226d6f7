using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Tests.Organisation;

public class NearestAgencyTests
{
    private static readonly DivisionCode Community = DivisionCode.Parse("440306001001");
    private static readonly Guid Low = Guid.Parse("00000000-0000-7000-8000-000000000001");
    private static readonly Guid High = Guid.Parse("ffffffff-0000-7000-8000-000000000001");

    private static DirectoryAgency At(string division, AgencyType type, Guid? id = null) => new(id ?? Guid.CreateVersion7(), type, DivisionCode.Parse(division));

    [Fact]
    public void Find_WhenCityAndDistrictBothHaveOne_TakesTheDistrict_EvenWhenTheCityHasTheSmallerId()
    {
        // 440300 and 440306 are both six digits long: the tier decides, not the code's length or the id.
        var city = At("440300", AgencyType.PoliceBureau, Low);
        var district = At("440306", AgencyType.PoliceBureau, High);

        NearestAgency.Find([city, district], Community, AgencyType.PoliceStation, AgencyType.PoliceBureau).ShouldBe(district);
    }

    [Fact]
    public void Find_TakesTheNearestTier_CommunityThenTownThenDistrictThenCity()
    {
        var city = At("440300", AgencyType.LinkageCentre);
        var district = At("440306", AgencyType.LinkageCentre);
        var town = At("440306001", AgencyType.LinkageCentre);
        var community = At("440306001001", AgencyType.LinkageCentre);
        List<DirectoryAgency> all = [city, district, town, community];

        NearestAgency.Find(all, Community, AgencyType.LinkageCentre).ShouldBe(community);
        NearestAgency.Find(all.Except([community]), Community, AgencyType.LinkageCentre).ShouldBe(town);
        NearestAgency.Find(all.Except([community, town]), Community, AgencyType.LinkageCentre).ShouldBe(district);
        NearestAgency.Find([city], Community, AgencyType.LinkageCentre).ShouldBe(city);
    }

    [Fact]
    public void Find_IgnoresAgenciesOffTheLine_AndOfOtherTypes()
    {
        var otherTown = At("440306002", AgencyType.PoliceStation);
        var otherDistrict = At("440304", AgencyType.PoliceBureau);
        var court = At("440306", AgencyType.Court);

        NearestAgency.Find([otherTown, otherDistrict, court], Community, AgencyType.PoliceStation, AgencyType.PoliceBureau).ShouldBeNull();
    }

    [Fact]
    public void Find_WithinOneDivision_PrefersTheEarlierType_ThenTheSmallerId()
    {
        var bureau = At("440306", AgencyType.PoliceBureau, Low);
        var station = At("440306", AgencyType.PoliceStation, High);
        var secondStation = At("440306", AgencyType.PoliceStation, Low);

        NearestAgency.Find([bureau, station], Community, AgencyType.PoliceStation, AgencyType.PoliceBureau).ShouldBe(station);
        NearestAgency.Find([bureau, station, secondStation], Community, AgencyType.PoliceStation, AgencyType.PoliceBureau).ShouldBe(secondStation);
    }

    [Fact]
    public void Line_RunsFromThePlaceUpToTheCity()
    {
        NearestAgency.Line(Community).Select(d => d.Value).ShouldBe(["440306001001", "440306001", "440306", "440300"]);
    }
}
