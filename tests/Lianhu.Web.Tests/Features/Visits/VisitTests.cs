using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Cases;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Visits;

/// <summary>
/// Return-visit plans by risk level as tasks with clocks for the visiting agency; that agency's visit
/// completes them; unreachable streaks and new incidents escalate; open visits block closure.
/// </summary>
public abstract class VisitTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Worker => factory.Account(AgencyType.CommunityWorkstation, "440306");

    private string Community => Worker.Agency.Division.Value;

    private DemoAccount Committee => factory.Account(AgencyType.ResidentsCommittee, Community);

    private async Task<Guid> AssessedCaseAsync(HttpClient lead, int yes)
    {
        var id = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "回访计划", divisionCode = Community }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, yes) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return id;
    }

    private static async Task<List<JsonElement>> VisitTasksAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "return-visit")];

    private static async Task<List<int>> PlannedDaysAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray()
            .Where(c => c.GetProperty("rule").GetString() == "return-visit" && c.GetProperty("state").GetString() != "cancelled").Select(c => c.GetProperty("amount").GetInt32()).Order()];

    [ProviderFact]
    public async Task MediumRisk_PlansMonthlyVisitsForTheResidentsCommittee_OneAtATime_ItsVisitCompletesEach_UnreachableThreeTimesEscalates()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var id = await AssessedCaseAsync(lead, 11);

        var first = (await VisitTasksAsync(lead, id)).ShouldHaveSingleItem();
        first.GetProperty("agencyId").GetGuid().ShouldBe(Committee.Agency.Id);
        first.GetProperty("status").GetString().ShouldBe("created");
        (await PlannedDaysAsync(lead, id)).ShouldBe([30]);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{first.GetProperty("clockId").GetGuid()}")).GetProperty("rule").GetString().ShouldBe("return-visit");

        // The task is in the committee's inbox; its visit completes it (accepting on the way) and its clock.
        using var committee = await factory.ClientAsAsync(Committee, "en");
        (await committee.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).GetProperty("awaiting").EnumerateArray()
            .Count(i => i.GetProperty("task").GetProperty("caseId").GetGuid() == id).ShouldBe(1);
        (await committee.PostAsJsonAsync($"/api/v1/tasks/{first.GetProperty("id").GetGuid()}/complete", new { outcome = "done" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var visit = await committee.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "home-visit", outcome = "safe", note = "家中无异常" });
        visit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var recorded = await visit.Content.ReadFromJsonAsync<JsonElement>();
        recorded.GetProperty("taskId").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
        recorded.GetProperty("plannedClockId").GetGuid().ShouldBe(first.GetProperty("clockId").GetGuid());
        (await VisitTasksAsync(lead, id)).Single(t => t.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid()).GetProperty("status").GetString().ShouldBe("completed");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{first.GetProperty("clockId").GetGuid()}")).GetProperty("state").GetString().ShouldBe("completed");
        (await PlannedDaysAsync(lead, id)).ShouldBe([30, 60], "recording a visit plans the next");

        // The lead's own visit is an extra one: it completes nobody's task.
        var extra = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "safe" })).Content.ReadFromJsonAsync<JsonElement>();
        extra.GetProperty("taskId").ValueKind.ShouldBe(JsonValueKind.Null);
        (await VisitTasksAsync(lead, id)).Count(t => t.GetProperty("status").GetString() == "created").ShouldBe(1);

        // Unreachable three times in a row (the committee's last two visits, then the lead's call) escalates.
        for (var i = 0; i < 2; i++)
        {
            (await committee.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "unreachable" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await VisitTasksAsync(lead, id)).ShouldAllBe(t => t.GetProperty("status").GetString() == "completed");
        (await PlannedDaysAsync(lead, id)).ShouldBe([30, 60, 90], "the plan's final visit is done");
        (await committee.GetAsync($"/api/v1/cases/{id}/visits")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "its visits done, the committee holds no task on the case");
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "unreachable" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var all = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().ToList();
        all.Count(c => c.GetProperty("rule").GetString() == "visit-unreachable-escalation").ShouldBe(1);

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "new-incident" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().ShouldContain(c => c.GetProperty("rule").GetString() == "reassessment-after-incident");

        var bad = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "pigeon", outcome = "fine" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("method")[0].GetString()!.ShouldContain("home-visit");
        errors.GetProperty("outcome")[0].GetString()!.ShouldContain("unreachable");

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/visits")).GetArrayLength().ShouldBe(6);

        // The supervising centre reads the visits but records none; an agency outside the case sees nothing.
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440306", Role.Supervisor), "en");
        (await centre.GetAsync($"/api/v1/cases/{id}/visits")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var forbidden = await centre.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "safe" });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("section.no-write");
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"));
        (await stranger.GetAsync($"/api/v1/cases/{id}/visits")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "safe" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task HighRisk_PlansAPoliceVisitInAWeek_AndAWomensFederationVisitInAMonth_ADeclinedVisitGoesBackToTheCentre_AndAReassessmentReplacesThePlan()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var id = await AssessedCaseAsync(lead, 16);

        var tasks = await VisitTasksAsync(lead, id);
        var station = factory.Account(AgencyType.PoliceStation, Community[..9]);
        var federation = factory.City.Agencies.Single(a => a.Type == AgencyType.WomensFederation && a.Division.Value == "440306");
        tasks.Count(t => t.GetProperty("agencyId").GetGuid() == station.Agency.Id).ShouldBe(1);
        tasks.Count(t => t.GetProperty("agencyId").GetGuid() == federation.Id).ShouldBe(1);
        (await PlannedDaysAsync(lead, id)).ShouldBe([7, 30]);

        using var police = await factory.ClientAsAsync(station, "en");
        var firstWeek = tasks.Where(t => t.GetProperty("agencyId").GetGuid() == station.Agency.Id).MinBy(t => t.GetProperty("dueAt").GetDateTimeOffset());
        var declined = await police.PostAsJsonAsync($"/api/v1/tasks/{firstWeek.GetProperty("id").GetGuid()}/decline", new { reason = "该户不在本所辖区" });
        declined.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reassignment = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "reassignment" && t.GetProperty("parentTaskId").GetGuid() == firstWeek.GetProperty("id").GetGuid());
        reassignment.GetProperty("agencyType").GetString().ShouldBe("linkage-centre");

        // A new assessment (now medium) cancels the open visits still in time and plans the committee's.
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 11) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await VisitTasksAsync(lead, id);
        after.Where(t => t.GetProperty("agencyId").GetGuid() == station.Agency.Id && t.GetProperty("status").GetString() == "created").ShouldBeEmpty();
        after.Count(t => t.GetProperty("agencyId").GetGuid() == Committee.Agency.Id && t.GetProperty("status").GetString() == "created").ShouldBe(1);
        after.Single(t => t.GetProperty("agencyId").GetGuid() == federation.Id).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [ProviderFact]
    public async Task Closure_IsBlockedWhileTheFinalVisitIsOpen_ThenAllowedOnceTheCommitteeRecordsIt()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var id = await AssessedCaseAsync(lead, 1);
        foreach (var task in (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .Where(t => t.GetProperty("kind").GetString() != "return-visit" && t.GetProperty("status").GetString() == "created"))
        {
            (await lead.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/cancel", new { reason = "首问单位已处置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var blocked = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "低风险已化解" });
        blocked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("blockers").EnumerateArray().ShouldContain(b => b.GetString()!.Contains("1 return visits are still open"));

        using var committee = await factory.ClientAsAsync(Committee, "en");
        (await committee.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "home-visit", outcome = "safe" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var closed = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "低风险已化解" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }
}

public sealed class VisitTests_Sqlite(SqliteFactory factory) : VisitTests<SqliteFactory>(factory);

public sealed class VisitTests_Postgres(PostgresFactory factory) : VisitTests<PostgresFactory>(factory), IPostgresTests;
