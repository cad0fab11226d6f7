using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Cases;

/// <summary>Return-visit plans by risk level as clocks; visits fulfil them; unreachable streaks and new incidents escalate.</summary>
public abstract class VisitTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task MediumRisk_PlansThreeMonthlyVisits_AVisitFulfilsTheFirst_UnreachableThreeTimesEscalates()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var client = await factory.ClientAsAsync(worker, "en");
        var id = (await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "回访计划", divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 11) })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var planned = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().Where(c => c.GetProperty("rule").GetString() == "return-visit").ToList();
        planned.Count.ShouldBe(3);
        planned.Select(c => c.GetProperty("amount").GetInt32()).Order().ShouldBe([30, 60, 90]);

        var visit = await client.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "home-visit", outcome = "safe", note = "家中无异常" });
        visit.StatusCode.ShouldBe(HttpStatusCode.Created);
        var fulfilled = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("plannedClockId").GetGuid();
        var first = planned.OrderBy(c => c.GetProperty("amount").GetInt32()).First().GetProperty("id").GetGuid();
        fulfilled.ShouldBe(first);

        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "unreachable" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var clocks = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().ToList();
        clocks.Count(c => c.GetProperty("rule").GetString() == "visit-unreachable-escalation").ShouldBe(1);

        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "new-incident" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray().ShouldContain(c => c.GetProperty("rule").GetString() == "reassessment-after-incident");

        var bad = await client.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "pigeon", outcome = "fine" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("method")[0].GetString()!.ShouldContain("home-visit");
        errors.GetProperty("outcome")[0].GetString()!.ShouldContain("unreachable");

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/visits");
        list.GetArrayLength().ShouldBe(5);
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"));
        (await stranger.GetAsync($"/api/v1/cases/{id}/visits")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class VisitTests_Sqlite(SqliteFactory factory) : VisitTests<SqliteFactory>(factory);

public sealed class VisitTests_Postgres(PostgresFactory factory) : VisitTests<PostgresFactory>(factory), IPostgresTests;
