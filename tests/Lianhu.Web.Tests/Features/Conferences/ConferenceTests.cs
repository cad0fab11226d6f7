using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Conferences;

/// <summary>Case conferences on each database: scheduled automatically at high risk, recorded by the convener, decisions become tasks.</summary>
public abstract class ConferenceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private Task<Guid> OpenAsync(HttpClient client) => factory.OpenCaseAsync(client, "hotline", "会商测试");

    [ProviderFact]
    public async Task AHighRiskAssessment_SchedulesOneConference_ConvenedByTheCityCentre_InvitingTheTaskHolders()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { })).EnsureSuccessStatusCode();

        var list = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences");
        var conference = list.EnumerateArray().ShouldHaveSingleItem();
        conference.GetProperty("trigger").GetString().ShouldBe("high-risk");
        conference.GetProperty("status").GetString().ShouldBe("scheduled");
        conference.GetProperty("convenerAgencyId").GetGuid().ShouldBe(factory.CentreAt("440300").Agency.Id);
        var invited = conference.GetProperty("invitedAgencyIds").EnumerateArray().Select(e => e.GetGuid()).ToList();
        invited.ShouldContain(factory.Station().Agency.Id);
        invited.ShouldContain(factory.Workstation().Agency.Id);
        var agenda = conference.GetProperty("agenda").EnumerateArray().Select(e => e.GetString()).ToList();
        agenda.ShouldContain("level=high");
        agenda.ShouldContain("task=police-station:created");

        // The convener records it; a decision becomes a task with a clock for its owner.
        var station = factory.Station().Agency.Id;
        using var other = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await other.PostAsJsonAsync($"/api/v1/conferences/{conference.GetProperty("id").GetGuid()}/record", new { attended = new[] { station }, minutes = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var city = await factory.ClientAsAsync(factory.CentreAt("440300"), "en");
        var record = await city.PostAsJsonAsync($"/api/v1/conferences/{conference.GetProperty("id").GetGuid()}/record", new
        {
            attended = new[] { station, factory.CentreAt("440300").Agency.Id },
            minutes = "各单位通报情况，决定由派出所出具告诫书",
            decisions = new[] { new { agencyId = station, dueHours = 48, text = "出具告诫书并回访" } },
        });
        record.StatusCode.ShouldBe(HttpStatusCode.OK);
        var outcome = await record.Content.ReadFromJsonAsync<JsonElement>();
        outcome.GetProperty("conference").GetProperty("status").GetString().ShouldBe("held");
        var decision = outcome.GetProperty("tasks").EnumerateArray().ShouldHaveSingleItem();
        decision.GetProperty("agencyId").GetGuid().ShouldBe(station);
        decision.GetProperty("kind").GetString().ShouldBe("conference-decision");
        (decision.GetProperty("dueAt").GetDateTimeOffset() - decision.GetProperty("createdAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromHours(48));
        (await city.PostAsJsonAsync($"/api/v1/conferences/{conference.GetProperty("id").GetGuid()}/record", new { attended = new[] { station }, minutes = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A second high assessment does not call another conference right away.
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).GetArrayLength().ShouldBe(2);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).GetArrayLength().ShouldBe(2);
    }

    [ProviderFact]
    public async Task ALowRiskCase_HasNoConference_UntilCalled_AndStrangersSeeNone()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).GetArrayLength().ShouldBe(0);
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.GetAsync($"/api/v1/cases/{id}/conferences")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var called = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { })).Content.ReadFromJsonAsync<JsonElement>();
        called.GetProperty("trigger").GetString().ShouldBe("on-demand");
        called.GetProperty("convenerAgencyId").GetGuid().ShouldBe(factory.CentreAt("440306").Agency.Id);
    }

    [ProviderFact]
    public async Task TheConvener_CancelsAScheduledConference_WithAReason_TheInvitedReadIt_AndItIsNeverHeld()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await OpenAsync(lead);
        var called = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var conferenceId = called.GetProperty("id").GetGuid();
        var url = $"/api/v1/conferences/{conferenceId}/cancel";

        (await lead.PostAsJsonAsync(url, new { reason = "不需要了" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the convener calls it off");
        using var convener = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        var noReason = await convener.PostAsJsonAsync(url, new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason").GetArrayLength().ShouldBeGreaterThan(0);

        var cancelled = await convener.PostAsJsonAsync(url, new { reason = "受害人已转入庇护，改为电话会商" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        var seen = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == conferenceId);
        seen.GetProperty("status").GetString().ShouldBe("cancelled");
        seen.GetProperty("cancellationReason").GetString().ShouldBe("受害人已转入庇护，改为电话会商", "the invited lead reads why");
        seen.GetProperty("cancelledAt").ValueKind.ShouldBe(JsonValueKind.String);

        (await convener.PostAsJsonAsync(url, new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await convener.PostAsJsonAsync($"/api/v1/conferences/{conferenceId}/record", new { attended = new[] { factory.Workstation().Agency.Id }, minutes = "m" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var timeline = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        timeline.ShouldContain("conference-cancelled");
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.PostAsJsonAsync(url, new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ConferenceTests_Sqlite(SqliteFactory factory) : ConferenceTests<SqliteFactory>(factory);

public sealed class ConferenceTests_Postgres(PostgresFactory factory) : ConferenceTests<PostgresFactory>(factory), IPostgresTests;
