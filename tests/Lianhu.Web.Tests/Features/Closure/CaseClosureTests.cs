using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Cases;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Closure;

/// <summary>Closure with approval by the supervising centre, read-only when closed, reopening with history.</summary>
public abstract class CaseClosureTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Worker => factory.Account(AgencyType.CommunityWorkstation, "440304");

    private DemoAccount CentreSupervisor => factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor);

    private async Task<Guid> OpenAsync(HttpClient client) =>
        (await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "结案流程", divisionCode = Worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    [ProviderFact]
    public async Task APendingClosure_WaitsInTheApproversList_NotTheRequesters_AndLeavesItOnceDecided()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var id = await OpenAsync(lead);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已处置完毕" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var centre = await factory.ClientAsAsync(CentreSupervisor, "en");
        var pending = (await centre.GetFromJsonAsync<JsonElement>("/api/v1/closures/pending")).EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == id);
        pending.GetProperty("approvals").GetInt32().ShouldBe(0);
        pending.GetProperty("approvalsRequired").GetInt32().ShouldBe(1);
        (await lead.GetFromJsonAsync<JsonElement>("/api/v1/closures/pending")).EnumerateArray().ShouldNotContain(c => c.GetProperty("caseId").GetGuid() == id);
        using var otherCentre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440305", Role.Supervisor), "en");
        (await otherCentre.GetFromJsonAsync<JsonElement>("/api/v1/closures/pending")).EnumerateArray().ShouldNotContain(c => c.GetProperty("caseId").GetGuid() == id);

        using (var ui = await Assessments.UiSession.SignInAsync(factory, CentreSupervisor, "zh-CN"))
        {
            var inbox = await ui.Client.GetStringAsync("/inbox");
            inbox.ShouldContain("data-testid=\"inbox-closures\"");
            inbox.ShouldContain($"cases/{id}#closure");
        }

        (await centre.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.GetFromJsonAsync<JsonElement>("/api/v1/closures/pending")).EnumerateArray().ShouldNotContain(c => c.GetProperty("caseId").GetGuid() == id);
    }

    [ProviderFact]
    public async Task Closure_IsRefusedWhileAClockRuns_ThenApproved_ReadOnly_AndReopenedWithHistory()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var id = await OpenAsync(lead);
        var clock = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/clocks", new { rule = "shelter-stay", at = DateTimeOffset.UtcNow.ToString("O") });
        clock.StatusCode.ShouldBe(HttpStatusCode.Created);
        var clockId = (await clock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var refused = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已安置并回访" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blockers")[0].GetString()!.ShouldContain("still running");

        (await lead.PostAsJsonAsync($"/api/v1/clocks/{clockId}/complete", new { outcome = "returned home" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var put = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已安置并回访" });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("closure-pending");

        (await lead.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var centre = await factory.ClientAsAsync(CentreSupervisor);
        var approved = await centre.PostAsync($"/api/v1/cases/{id}/approve-closure", null);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("closed");

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/clocks", new { rule = "shelter-stay", at = DateTimeOffset.UtcNow.ToString("O") })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = new[] { 1 } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var reopened = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "new incident reported by neighbour" });
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await reopened.Content.ReadFromJsonAsync<JsonElement>();
        state.GetProperty("status").GetString().ShouldBe("open");
        state.GetProperty("reopenCount").GetInt32().ShouldBe(1);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().ShouldContain(c => c.GetProperty("id").GetGuid() == clockId);
    }

    [ProviderFact]
    public async Task HighRiskClosure_NeedsTwoSupervisors_AndOthersCannotClose()
    {
        using var lead = await factory.ClientAsAsync(Worker);
        var id = await OpenAsync(lead);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 16) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440306", Role.Supervisor));
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Routed tasks and the planned return visits block closure until done; the reassessment cycle does not.
        var blocked = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "高风险已化解" });
        blocked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blockers").EnumerateArray().Select(b => b.GetString()).ShouldContain(b => b!.Contains("任务"));
        foreach (var task in (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().Where(t => t.GetProperty("status").GetString() is "created" or "accepted" or "in-progress"))
        {
            (await lead.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/cancel", new { reason = "已由首问单位直接处置完毕" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        for (var i = 0; i < 12; i++)
        {
            (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "safe" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "高风险已化解" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var district = await factory.ClientAsAsync(CentreSupervisor);
        var first = await (await district.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("status").GetString().ShouldBe("closure-pending");
        first.GetProperty("approvalsRequired").GetInt32().ShouldBe(2);
        (await district.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var city = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Supervisor));
        var second = await (await city.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("status").GetString().ShouldBe("closed");
    }
}

public sealed class CaseClosureTests_Sqlite(SqliteFactory factory) : CaseClosureTests<SqliteFactory>(factory);

public sealed class CaseClosureTests_Postgres(PostgresFactory factory) : CaseClosureTests<PostgresFactory>(factory), IPostgresTests;
