using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Tasks;

/// <summary>Routing and the task lifecycle through the real host, on each database (issue 6 items 1, 2, 9).</summary>
public abstract class TaskApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Baoan = "440306";

    internal static readonly object DashHigh = new { instrument = "dash-ric", version = 1, yes = Enumerable.Range(1, 15), at = "2025-06-15" };

    private DemoAccount Station => factory.Account(AgencyType.PoliceStation, Baoan);

    private DemoAgency Town => Station.Agency;

    private DemoAccount Workstation => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
        && a.Agency.Division.Value.StartsWith(Town.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);

    private DemoAgency AgencyAt(AgencyType type, string division) => factory.City.Agencies.Single(a => a.Type == type && a.Division.Value == division);

    private DemoAccount AccountOf(DemoAgency agency, Role role = Role.Caseworker) => factory.City.Accounts.Single(a => a.Agency.Id == agency.Id && a.Role == role);

    private async Task<Guid> OpenHighRiskCaseAsync(HttpClient lead)
    {
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "分流测试", divisionCode = Workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", DashHigh)).StatusCode.ShouldBe(HttpStatusCode.Created);
        return id;
    }

    private static async Task<JsonElement[]> TasksAsync(HttpClient client, Guid caseId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray()];

    private static JsonElement TaskFor(JsonElement[] tasks, Guid agencyId) => tasks.Single(t => t.GetProperty("agencyId").GetGuid() == agencyId && t.GetProperty("role").ValueKind == JsonValueKind.Null);

    [ProviderFact]
    public async Task HighRiskAssessment_RoutesToTheRightAgenciesAtTheRightTiers_Once()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenHighRiskCaseAsync(lead);

        var tasks = await TasksAsync(lead, id);

        var cityCentre = AgencyAt(AgencyType.LinkageCentre, "440300");
        tasks.Select(t => (t.GetProperty("agencyId").GetGuid(), t.GetProperty("agencyType").GetString(), t.GetProperty("tier").GetString())).ShouldBe(
        [
            (cityCentre.Id, "linkage-centre", "city"),
            (cityCentre.Id, "linkage-centre", "city"),
            (Town.Id, "police-station", "town"),
            (AgencyAt(AgencyType.Court, Baoan).Id, "court", "district"),
            (Workstation.Agency.Id, "community-workstation", "community"),
        ]);
        tasks[1].GetProperty("role").GetString().ShouldBe("supervisor");
        tasks.ShouldAllBe(t => t.GetProperty("status").GetString() == "created");
        tasks[0].GetProperty("reason").GetString().ShouldBe("high risk → city linkage centre, policy v1 rule 3");
        var due = tasks[2].GetProperty("dueAt").GetDateTimeOffset() - tasks[2].GetProperty("createdAt").GetDateTimeOffset();
        due.ShouldBe(TimeSpan.FromHours(24));
        foreach (var name in new[] { "id", "agencyId", "agencyType", "tier", "status", "dueAt", "reason" })
        {
            tasks[0].TryGetProperty(name, out _).ShouldBeTrue(name);
        }

        // Each task runs a clock on the engine, subject "task".
        var clock = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{tasks[2].GetProperty("clockId").GetGuid()}");
        clock.GetProperty("subjectType").GetString().ShouldBe("task");
        clock.GetProperty("subjectId").GetGuid().ShouldBe(tasks[2].GetProperty("id").GetGuid());
        clock.GetProperty("due").GetDateTimeOffset().ShouldBe(tasks[2].GetProperty("dueAt").GetDateTimeOffset());

        // Re-running routing and a second assessment at the same level create nothing new.
        var rerun = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { });
        rerun.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rerun.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", DashHigh)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await TasksAsync(lead, id)).Length.ShouldBe(5);

        // Needs given to the routing call add their centres.
        var more = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { needs = new[] { "legal-aid" } })).Content.ReadFromJsonAsync<JsonElement>();
        more.EnumerateArray().Single().GetProperty("agencyId").GetGuid().ShouldBe(AgencyAt(AgencyType.LegalAidCentre, Baoan).Id);
    }

    [ProviderFact]
    public async Task ThePoliceStation_SeesTheCaseAsTaskHolder_AcceptsAndCompletes_AndTheClockCompletes()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenHighRiskCaseAsync(lead);
        var task = TaskFor(await TasksAsync(lead, id), Town.Id);
        var taskId = task.GetProperty("id").GetGuid();

        using var station = await factory.ClientAsAsync(Station, "en");
        (await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("relation").GetString().ShouldBe("task-holder");

        (await station.PostAsync($"/api/v1/tasks/{taskId}/complete", JsonContent.Create(new { outcome = "x" }))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var accepted = await station.PostAsync($"/api/v1/tasks/{taskId}/accept", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("accepted");
        var again = await station.PostAsync($"/api/v1/tasks/{taskId}/accept", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("task.illegal-move");
        (await station.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = " " })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var done = await station.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = "告诫书已出具" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("completed");
        var clock = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{task.GetProperty("clockId").GetGuid()}");
        clock.GetProperty("state").GetString().ShouldBe("completed");

        // The task is done: the station no longer holds the case.
        (await station.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ADeclinedTask_GoesBackToTheRoutingCentre_WhichReassignsIt()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenHighRiskCaseAsync(lead);
        var court = AgencyAt(AgencyType.Court, Baoan);
        var taskId = TaskFor(await TasksAsync(lead, id), court.Id).GetProperty("id").GetGuid();

        using var courtClient = await factory.ClientAsAsync(AccountOf(court), "en");
        var noReason = await courtClient.PostAsJsonAsync($"/api/v1/tasks/{taskId}/decline", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("task.reason-required");
        (await courtClient.PostAsJsonAsync($"/api/v1/tasks/{taskId}/decline", new { reason = "申请人尚未提出申请" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await courtClient.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var tasks = await TasksAsync(lead, id);
        tasks.Single(t => t.GetProperty("id").GetGuid() == taskId).GetProperty("status").GetString().ShouldBe("declined");
        var townCentre = AgencyAt(AgencyType.LinkageCentre, Town.Division.Value);
        var reassignment = tasks.Single(t => t.GetProperty("kind").GetString() == "reassignment");
        reassignment.GetProperty("agencyId").GetGuid().ShouldBe(townCentre.Id);
        reassignment.GetProperty("parentTaskId").GetGuid().ShouldBe(taskId);

        // Routing again does not send the same rule back to the court that declined it.
        (await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength().ShouldBe(0);

        var cityCourt = AgencyAt(AgencyType.Court, "440300");
        using var centre = await factory.ClientAsAsync(AccountOf(townCentre), "en");
        var reassigned = await centre.PostAsJsonAsync($"/api/v1/tasks/{reassignment.GetProperty("id").GetGuid()}/reassign", new { agencyId = cityCourt.Id });
        reassigned.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reassigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("completed");
        var now = await TasksAsync(lead, id);
        var moved = now.Single(t => t.GetProperty("agencyId").GetGuid() == cityCourt.Id);
        moved.GetProperty("status").GetString().ShouldBe("created");
        moved.GetProperty("parentTaskId").GetGuid().ShouldBe(reassignment.GetProperty("id").GetGuid());
    }

    [ProviderFact]
    public async Task OtherAgencies_Get404_AndTheLeadCannotActForTheHolder()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenHighRiskCaseAsync(lead);
        var taskId = TaskFor(await TasksAsync(lead, id), Town.Id).GetProperty("id").GetGuid();

        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.GetAsync($"/api/v1/cases/{id}/tasks")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/api/v1/tasks/{taskId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await lead.PostAsync($"/api/v1/tasks/{taskId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.PostAsync($"/api/v1/tasks/{Guid.NewGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The lead may cancel with a reason; the holder no longer sees the case and has nothing to accept.
        (await lead.PostAsJsonAsync($"/api/v1/tasks/{taskId}/cancel", new { reason = "已由法院处理" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var station = await factory.ClientAsAsync(Station, "en");
        (await station.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Out of scope now, so the task's step answers like any other id outside it (ADR 0027).
        (await station.PostAsync($"/api/v1/tasks/{taskId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class TaskApiTests_Sqlite(SqliteFactory factory) : TaskApiTests<SqliteFactory>(factory);

public sealed class TaskApiTests_Postgres(PostgresFactory factory) : TaskApiTests<PostgresFactory>(factory), IPostgresTests;
