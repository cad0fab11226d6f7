using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Linkage;

/// <summary>The demo accounts the linkage tests act as: Baoan's police station, a community workstation in its town, the linkage centres.</summary>
internal static class LinkageAccounts
{
    public static DemoAccount Station(this LianhuFactory factory) => factory.Account(AgencyType.PoliceStation, "440306");

    /// <summary>A community workstation inside the station's town, so the station covers the case.</summary>
    public static DemoAccount Workstation(this LianhuFactory factory) => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
        && a.Agency.Division.Value.StartsWith(factory.Station().Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);

    public static DemoAccount CentreAt(this LianhuFactory factory, string division, Role role = Role.Caseworker) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == division && a.Role == role);
}
