using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>A disability recorded for the victim at intake brings in the district's disabled persons' federation (routing rule 17) and civil affairs.</summary>
public abstract class DisabilityRoutingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private async Task<HttpResponseMessage> OpenAsync(HttpClient client, string division, object victim) =>
        await client.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "walk-in",
            summary = "丈夫殴打肢体残疾的妻子",
            divisionCode = division,
            parties = new[] { victim, new { role = "respondent", name = "王刚", birthDate = "1980-01-01", sex = "male" } },
            violenceForms = new[] { "physical" },
        });

    [ProviderFact]
    public async Task ADisabledVictim_IsRoutedToTheDisabledPersonsFederationOfTheDistrict()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440305");
        using var client = await factory.ClientAsAsync(worker);
        var opened = await OpenAsync(client, worker.Agency.Division.Value, new { role = "victim", name = "陈芳", birthDate = "1985-03-02", sex = "female", disabled = true, disabilityKind = "physical" });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        body.GetProperty("intake").GetProperty("parties")[0].GetProperty("disability").GetString().ShouldBe("physical");

        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = new[] { 1 } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var tasks = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().ToList();
        var federation = factory.City.Agencies.Single(a => a.Type == AgencyType.DisabledPersonsFederation && a.Division.Value == "440305");
        tasks.ShouldContain(t => t.GetProperty("agencyId").GetGuid() == federation.Id && t.GetProperty("rule").GetInt32() == 17);
        tasks.Select(t => t.GetProperty("agencyType").GetString()).ShouldContain("civil-affairs");

        // A disability is health data: emergency access (no health section) sees the party without it.
        using var glass = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440306"));
        (await glass.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = body.GetProperty("number").GetString(), reason = "disability visibility test" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var seen = await glass.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        var party = seen.GetProperty("intake").GetProperty("parties")[0];
        party.GetProperty("name").GetString().ShouldBe("陈芳");
        party.GetProperty("disability").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [ProviderFact]
    public async Task AVictimWithoutDisability_IsNotRoutedThere_AndAContradictionIsRefused()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440304");
        using var client = await factory.ClientAsAsync(worker);
        var refused = await OpenAsync(client, worker.Agency.Division.Value, new { role = "victim", name = "陈芳", disabled = false, disabilityKind = "hearing" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("parties[0].disabilityKind", out _).ShouldBeTrue();

        var opened = await OpenAsync(client, worker.Agency.Division.Value, new { role = "victim", name = "陈芳", birthDate = "1985-03-02", sex = "female" });
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = new[] { 1 } })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var types = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().Select(t => t.GetProperty("agencyType").GetString()).ToList();
        types.ShouldNotContain("disabled-persons-federation");
    }
}

public sealed class DisabilityRoutingTests_Sqlite(SqliteFactory factory) : DisabilityRoutingTests<SqliteFactory>(factory);

public sealed class DisabilityRoutingTests_Postgres(PostgresFactory factory) : DisabilityRoutingTests<PostgresFactory>(factory), IPostgresTests;
