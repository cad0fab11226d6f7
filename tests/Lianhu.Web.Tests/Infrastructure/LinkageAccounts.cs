using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// The demo accounts the linkage tests act as: Baoan's police station, a community workstation in its town, the linkage centres;
/// and a case opened in that workstation's community.
/// </summary>
internal static class LinkageAccounts
{
    public static DemoAccount Station(this LianhuFactory factory) => factory.Account(AgencyType.PoliceStation, "440306");

    /// <summary>A community workstation inside the station's town, so the station covers the case.</summary>
    public static DemoAccount Workstation(this LianhuFactory factory) => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
        && a.Agency.Division.Value.StartsWith(factory.Station().Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);

    public static DemoAccount CentreAt(this LianhuFactory factory, string division, Role role = Role.Caseworker) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == division && a.Role == role);

    /// <summary>The agency of <paramref name="type"/> at Baoan district level (legal aid, counselling, social work…).</summary>
    public static DemoAgency BaoanAgency(this LianhuFactory factory, AgencyType type) =>
        factory.City.Agencies.Single(a => a.Type == type && a.Division.Value == "440306");

    /// <summary>The caseworker of that Baoan district agency.</summary>
    public static DemoAccount BaoanStaff(this LianhuFactory factory, AgencyType type) =>
        factory.City.Accounts.Single(a => a.Agency.Id == factory.BaoanAgency(type).Id && a.Role == Role.Caseworker);

    /// <summary>Opens a case in the workstation's community (the station's town) as <paramref name="client"/>; returns its id.</summary>
    public static async Task<Guid> OpenCaseAsync(this LianhuFactory factory, HttpClient client, string channel, string summary)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/cases", new { channel, summary, divisionCode = factory.Workstation().Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Routes counselling on the case and records the victim's written consent for the Baoan
    /// counselling centre to see the <c>counselling</c> section alone; returns that centre's client —
    /// a task holder whose consent covers one section.
    /// </summary>
    public static async Task<HttpClient> CounsellingOnlyConsentAsync(this LianhuFactory factory, HttpClient lead, Guid caseId)
    {
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "counselling" } })).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new
        {
            basis = "consent",
            givenBy = "victim",
            method = "written",
            agencyId = factory.BaoanAgency(AgencyType.CounsellingCentre).Id,
            sections = new[] { "counselling" },
            expiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).EnsureSuccessStatusCode();
        return await factory.ClientAsAsync(factory.BaoanStaff(AgencyType.CounsellingCentre), "en");
    }
}
