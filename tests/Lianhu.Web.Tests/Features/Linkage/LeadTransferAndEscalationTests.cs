using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Linkage;

/// <summary>Lead transfer (first-in-charge moves only on acceptance) and escalation between tiers, on each database.</summary>
public abstract class LeadTransferAndEscalationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Station => factory.Account(AgencyType.PoliceStation, "440306");

    private DemoAccount Workstation => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
        && a.Agency.Division.Value.StartsWith(Station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);

    private DemoAccount CentreAt(string division) => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == division && a.Role == Role.Caseworker);

    private async Task<Guid> OpenAsync(HttpClient client)
    {
        var created = await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "移交测试", divisionCode = Workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetGuid();
    }

    [ProviderFact]
    public async Task LeadTransfer_TheLeadStaysAccountableUntilTheReceiverAccepts()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var requested = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "涉嫌违法，由派出所牵头" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created);
        var task = await requested.Content.ReadFromJsonAsync<JsonElement>();
        task.GetProperty("kind").GetString().ShouldBe("lead-transfer");
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Not yet accepted: the workstation still leads.
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("leadAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);

        using var station = await factory.ClientAsAsync(Station, "en");
        (await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("relation").GetString().ShouldBe("task-holder");
        var accepted = await station.PostAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("completed");

        var now = await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        now.GetProperty("leadAgencyId").GetGuid().ShouldBe(Station.Agency.Id);
        now.GetProperty("relation").GetString().ShouldBe("lead");
        (await lead.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Workstation.Agency.Id, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ADeclinedLeadTransfer_LeavesTheLead_AndOnlyTheLeadMayAsk()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        using var centre = await factory.ClientAsAsync(CentreAt("440306"), "en");
        (await centre.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var task = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "请派出所牵头" })).Content.ReadFromJsonAsync<JsonElement>();
        using var station = await factory.ClientAsAsync(Station, "en");
        (await station.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/decline", new { reason = "尚无违法事实" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("leadAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);
        var tasks = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks");
        tasks.EnumerateArray().ShouldNotContain(t => t.GetProperty("kind").GetString() == "reassignment");
    }

    [ProviderFact]
    public async Task TheDistrictCentre_PullsACaseUpToTheCity_AndTheCityHandsItDown()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        using var district = await factory.ClientAsAsync(CentreAt("440306"), "en");
        (await district.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "sideways", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var up = await district.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "多次复发，需市级协调" });
        up.StatusCode.ShouldBe(HttpStatusCode.Created);
        var upTask = await up.Content.ReadFromJsonAsync<JsonElement>();
        upTask.GetProperty("agencyId").GetGuid().ShouldBe(CentreAt("440300").Agency.Id);
        upTask.GetProperty("tier").GetString().ShouldBe("city");
        upTask.GetProperty("kind").GetString().ShouldBe("escalation");
        upTask.GetProperty("clockId").ValueKind.ShouldBe(JsonValueKind.String);

        using var city = await factory.ClientAsAsync(CentreAt("440300"), "en");
        (await city.PostAsync($"/api/v1/tasks/{upTask.GetProperty("id").GetGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await city.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var down = await (await city.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "down", reason = "风险已下降" })).Content.ReadFromJsonAsync<JsonElement>();
        down.GetProperty("agencyId").GetGuid().ShouldBe(CentreAt("440306").Agency.Id);

        // A police station is neither the lead nor a centre: it cannot move the case.
        using var station = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await station.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class LeadTransferAndEscalationTests_Sqlite(SqliteFactory factory) : LeadTransferAndEscalationTests<SqliteFactory>(factory);

public sealed class LeadTransferAndEscalationTests_Postgres(PostgresFactory factory) : LeadTransferAndEscalationTests<PostgresFactory>(factory), IPostgresTests;
