using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>Lead transfer (first-in-charge moves only on acceptance) and escalation between tiers, on each database.</summary>
public abstract class LeadTransferAndEscalationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private Task<Guid> OpenAsync(HttpClient client) => factory.OpenCaseAsync(client, "walk-in", "移交测试");

    [ProviderFact]
    public async Task LeadTransfer_TheLeadStaysAccountableUntilTheReceiverAccepts()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Station().Agency.Id })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var requested = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Station().Agency.Id, reason = "涉嫌违法，由派出所牵头" });
        requested.StatusCode.ShouldBe(HttpStatusCode.Created);
        var task = await requested.Content.ReadFromJsonAsync<JsonElement>();
        task.GetProperty("kind").GetString().ShouldBe("lead-transfer");
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Station().Agency.Id, reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Not yet accepted: the workstation still leads.
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("leadAgencyId").GetGuid().ShouldBe(factory.Workstation().Agency.Id);

        using var station = await factory.ClientAsAsync(factory.Station(), "en");
        (await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("relation").GetString().ShouldBe("task-holder");
        var accepted = await station.PostAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("completed");

        var now = await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        now.GetProperty("leadAgencyId").GetGuid().ShouldBe(factory.Station().Agency.Id);
        now.GetProperty("relation").GetString().ShouldBe("lead");
        (await lead.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Workstation().Agency.Id, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ADeclinedLeadTransfer_LeavesTheLead_AndOnlyTheLeadMayAsk()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await centre.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Station().Agency.Id, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var task = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = factory.Station().Agency.Id, reason = "请派出所牵头" })).Content.ReadFromJsonAsync<JsonElement>();
        using var station = await factory.ClientAsAsync(factory.Station(), "en");
        (await station.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/decline", new { reason = "尚无违法事实" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("leadAgencyId").GetGuid().ShouldBe(factory.Workstation().Agency.Id);
        var tasks = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks");
        tasks.EnumerateArray().ShouldNotContain(t => t.GetProperty("kind").GetString() == "reassignment");
    }

    [ProviderFact]
    public async Task TheDistrictCentre_PullsACaseUpToTheCity_AndTheCityHandsItDown()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        using var district = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await district.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "sideways", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var up = await district.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "多次复发，需市级协调" });
        up.StatusCode.ShouldBe(HttpStatusCode.Created);
        var upTask = await up.Content.ReadFromJsonAsync<JsonElement>();
        upTask.GetProperty("agencyId").GetGuid().ShouldBe(factory.CentreAt("440300").Agency.Id);
        upTask.GetProperty("tier").GetString().ShouldBe("city");
        upTask.GetProperty("kind").GetString().ShouldBe("escalation");
        upTask.GetProperty("clockId").ValueKind.ShouldBe(JsonValueKind.String);

        using var city = await factory.ClientAsAsync(factory.CentreAt("440300"), "en");
        (await city.PostAsync($"/api/v1/tasks/{upTask.GetProperty("id").GetGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await city.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var down = await (await city.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "down", reason = "风险已下降" })).Content.ReadFromJsonAsync<JsonElement>();
        down.GetProperty("agencyId").GetGuid().ShouldBe(factory.CentreAt("440306").Agency.Id);

        // A police station is neither the lead nor a centre: it cannot move the case.
        using var station = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await station.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ARequestWithoutABody_IsABadRequest_AndCreatesNoTask()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        foreach (var path in new[] { "lead-transfer", "escalation" })
        {
            foreach (var body in new[] { "", "null" })
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                (await lead.PostAsync($"/api/v1/cases/{id}/{path}", content)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{path} with '{body}'");
            }
        }

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .ShouldNotContain(t => t.GetProperty("kind").GetString() == "lead-transfer" || t.GetProperty("kind").GetString() == "escalation");
    }
}

public sealed class LeadTransferAndEscalationTests_Sqlite(SqliteFactory factory) : LeadTransferAndEscalationTests<SqliteFactory>(factory);

public sealed class LeadTransferAndEscalationTests_Postgres(PostgresFactory factory) : LeadTransferAndEscalationTests<PostgresFactory>(factory), IPostgresTests;
