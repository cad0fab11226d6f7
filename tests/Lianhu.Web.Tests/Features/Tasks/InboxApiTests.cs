using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Tasks;

/// <summary>The agency inbox API on each database: awaiting, due, updates to the lead, new cases.</summary>
public abstract class InboxApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task ARoutedTask_AwaitsTheStation_ThenIsDueSoon_AndItsOutcomeReachesTheLead()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(workstation, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "待办测试", divisionCode = workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();

        using var client = await factory.ClientAsAsync(station, "en");
        var inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        var item = inbox.GetProperty("awaiting").EnumerateArray().Single(i => i.GetProperty("task").GetProperty("caseId").GetGuid() == id);
        item.GetProperty("caseNumber").GetString().ShouldBe(created.GetProperty("number").GetString());
        inbox.GetProperty("counts").GetProperty("awaiting").GetInt32().ShouldBeGreaterThan(0);
        inbox.GetProperty("newCases").EnumerateArray().ShouldContain(c => c.GetProperty("caseId").GetGuid() == id);
        var taskId = item.GetProperty("task").GetProperty("id").GetGuid();

        (await client.PostAsync($"/api/v1/tasks/{taskId}/accept", null)).EnsureSuccessStatusCode();
        inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        inbox.GetProperty("awaiting").EnumerateArray().ShouldNotContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId);
        inbox.GetProperty("dueSoon").EnumerateArray().ShouldContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId);

        // Accepted work due later than a day stays listed (在办) until it is completed: the workstation's follow-up, due in 7 days.
        var leadTasks = await lead.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        var followUp = leadTasks.GetProperty("awaiting").EnumerateArray().Select(i => i.GetProperty("task"))
            .Single(t => t.GetProperty("caseId").GetGuid() == id && t.GetProperty("agencyId").GetGuid() == workstation.Agency.Id);
        var followUpId = followUp.GetProperty("id").GetGuid();
        (await lead.PostAsync($"/api/v1/tasks/{followUpId}/accept", null)).EnsureSuccessStatusCode();
        leadTasks = await lead.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        leadTasks.GetProperty("inProgress").EnumerateArray().ShouldContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == followUpId);
        leadTasks.GetProperty("dueSoon").EnumerateArray().ShouldNotContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == followUpId);
        leadTasks.GetProperty("awaiting").EnumerateArray().ShouldNotContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == followUpId);
        leadTasks.GetProperty("counts").GetProperty("inProgress").GetInt32().ShouldBeGreaterThan(0);
        inbox = await client.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        inbox.GetProperty("inProgress").EnumerateArray().ShouldNotContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId); // due within the day: listed as due soon instead

        (await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { outcome = "出具告诫书" })).EnsureSuccessStatusCode();
        var leadInbox = await lead.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        var update = leadInbox.GetProperty("updates").EnumerateArray().Single(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId);
        update.GetProperty("task").GetProperty("status").GetString().ShouldBe("completed");
        update.ToString().ShouldNotContain("出具告诫书"); // the inbox carries no case content
    }
}

public sealed class InboxApiTests_Sqlite(SqliteFactory factory) : InboxApiTests<SqliteFactory>(factory);

public sealed class InboxApiTests_Postgres(PostgresFactory factory) : InboxApiTests<PostgresFactory>(factory), IPostgresTests;
