using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Cases;
using Lianhu.Web.Tests.Infrastructure;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Visits;

/// <summary>
/// Event-driven return visits (config/policies/return-visits.json, events): a warning letter, a
/// protection order, leaving a shelter and a 110 incident each give the named agency nearest the
/// case's community a return-visit task with its clock; that agency's visit completes it.
/// </summary>
public abstract class VisitEventTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private static async Task<JsonElement> VisitTaskAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "return-visit");

    private static async Task<JsonElement> ClockAsync(HttpClient client, JsonElement task) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{task.GetProperty("clockId").GetGuid()}");

    /// <summary>The visiting agency records a visit: it completes the task and its clock.</summary>
    private async Task VisitCompletesAsync(DemoAccount visitor, HttpClient lead, Guid caseId, JsonElement task)
    {
        using var client = await factory.ClientAsAsync(visitor, "en");
        var visit = await OkAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/visits", new { method = "phone", outcome = "safe" }), HttpStatusCode.Created);
        visit.GetProperty("taskId").GetGuid().ShouldBe(task.GetProperty("id").GetGuid());
        (await VisitTaskAsync(lead, caseId)).GetProperty("status").GetString().ShouldBe("completed");
        (await ClockAsync(lead, task)).GetProperty("state").GetString().ShouldBe("completed");
    }

    [ProviderFact]
    public async Task AWarningLetter_GivesTheCommunityPoliceAVisitTask_CarryingTheWarningFollowupClock()
    {
        using var police = await factory.ClientAsAsync(Station(factory), "en");
        var caseId = await OpenCaseAsync(police, Community(factory));
        var letter = await OkAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", WarningLetter()), HttpStatusCode.Created);

        var task = await VisitTaskAsync(police, caseId);
        task.GetProperty("agencyId").GetGuid().ShouldBe(Station(factory).Agency.Id);
        var clock = await ClockAsync(police, task);
        clock.GetProperty("rule").GetString().ShouldBe("warning-followup");
        clock.GetProperty("subjectId").GetGuid().ShouldBe(letter.GetProperty("id").GetGuid());
        (await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks")).EnumerateArray()
            .Count(c => c.GetProperty("rule").GetString() == "warning-followup").ShouldBe(1, "integrated, not duplicated");

        await VisitCompletesAsync(Station(factory), police, caseId, task);
        (await police.GetFromJsonAsync<JsonElement>($"/api/v1/warning-letters/{letter.GetProperty("id").GetGuid()}")).GetProperty("clocks").EnumerateArray()
            .Single(c => c.GetProperty("rule").GetString() == "warning-followup").GetProperty("state").GetString().ShouldBe("completed");
    }

    [ProviderFact]
    public async Task AVisitRecordedOnTheWarningLetter_AlsoCompletesTheVisitTask()
    {
        using var police = await factory.ClientAsAsync(Station(factory), "en");
        var caseId = await OpenCaseAsync(police, Community(factory));
        var letter = await OkAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", WarningLetter("440306199002154562", "钱芳")), HttpStatusCode.Created);

        await OkAsync(await police.PostAsJsonAsync($"/api/v1/warning-letters/{letter.GetProperty("id").GetGuid()}/visits", new { outcome = "上门查访，家庭关系缓和" }));

        var task = await VisitTaskAsync(police, caseId);
        task.GetProperty("status").GetString().ShouldBe("completed");
        (await ClockAsync(police, task)).GetProperty("state").GetString().ShouldBe("completed");
    }

    [ProviderFact]
    public async Task AnIssuedProtectionOrder_GivesTheCommunityPoliceAVisitTask_DueInSevenDays()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(lead, Community(factory));
        var order = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id)), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/accept", new { }));
        var today = ShanghaiTime.DayOf(DateTimeOffset.UtcNow);
        await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/issue", new { measures = new object[] { new { code = 1 } }, validUntil = Day(today.AddMonths(3)) }));

        var task = await VisitTaskAsync(lead, caseId);
        task.GetProperty("agencyId").GetGuid().ShouldBe(Station(factory).Agency.Id);
        var clock = await ClockAsync(lead, task);
        clock.GetProperty("rule").GetString().ShouldBe("return-visit");
        clock.GetProperty("amount").GetInt32().ShouldBe(7);
        clock.GetProperty("subjectId").GetGuid().ShouldBe(id);

        await VisitCompletesAsync(Station(factory), lead, caseId, task);
    }

    [ProviderFact]
    public async Task LeavingAShelter_GivesTheResidentsCommitteeAVisitTask()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(lead, Community(factory));
        var stay = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "shelter-stay", location = "市救助管理站反家暴庇护所" }), HttpStatusCode.Created);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().ShouldNotContain(t => t.GetProperty("kind").GetString() == "return-visit");

        await OkAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/end", new { outcome = "home" }));

        var committee = factory.Account(AgencyType.ResidentsCommittee, Community(factory));
        var task = await VisitTaskAsync(lead, caseId);
        task.GetProperty("agencyId").GetGuid().ShouldBe(committee.Agency.Id);
        (await ClockAsync(lead, task)).GetProperty("amount").GetInt32().ShouldBe(7);
        await VisitCompletesAsync(committee, lead, caseId, task);
    }

    [ProviderFact]
    public async Task A110Incident_GivesTheWomensFederationAVisitTask_ForTheNextDay()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(lead, Community(factory), "police-110");

        var federation = factory.Account(AgencyType.WomensFederation, Baoan);
        var task = await VisitTaskAsync(lead, caseId);
        task.GetProperty("agencyId").GetGuid().ShouldBe(federation.Agency.Id);
        var clock = await ClockAsync(lead, task);
        clock.GetProperty("rule").GetString().ShouldBe("return-visit-after-110");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks")).EnumerateArray()
            .Count(c => c.GetProperty("rule").GetString() == "return-visit-after-110").ShouldBe(1);

        await VisitCompletesAsync(federation, lead, caseId, task);
    }
}

public sealed class VisitEventTests_Sqlite(SqliteFactory factory) : VisitEventTests<SqliteFactory>(factory);

public sealed class VisitEventTests_Postgres(PostgresFactory factory) : VisitEventTests<PostgresFactory>(factory), IPostgresTests;
