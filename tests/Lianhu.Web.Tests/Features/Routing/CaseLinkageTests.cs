using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>
/// What the case page's linkage and conference panels stand on, on each database: the agencies a
/// lead may hand over to (channel policy through the division tree), the pending transfer and the
/// handling tier, both transfer events on the timeline, and conferences called at a chosen time
/// with chosen invitees, listed for the invited agencies.
/// </summary>
public abstract class CaseLinkageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Station => factory.Station();

    private DemoAccount Workstation => factory.Workstation();

    private DemoAccount CentreAt(string division) => factory.CentreAt(division);

    private Task<Guid> OpenAsync(HttpClient client, string channel = "walk-in") => factory.OpenCaseAsync(client, channel, "联动界面测试");

    private static async Task<List<(string Kind, string? Agency, string? Target)>> TimelineAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline")).EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString()!, e.GetProperty("agency").GetString(), e.GetProperty("target").GetString()))];

    [ProviderFact]
    public async Task ALeadTransfer_GoesOnlyToAnAgencyThePolicyAllows_StaysPendingUntilAccepted_AndBothEventsAreOnTheTimeline()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        var before = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        before.GetProperty("mayRequestTransfer").GetBoolean().ShouldBeTrue();
        before.GetProperty("handlingTier").GetString().ShouldBe("community");
        var targets = before.GetProperty("transferTargets").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        targets.ShouldContain(Station.Agency.Id);
        targets.ShouldContain(CentreAt("440300").Agency.Id);
        targets.ShouldNotContain(Workstation.Agency.Id);
        var elsewhere = factory.Account(AgencyType.PoliceStation, "440304").Agency.Id;
        targets.ShouldNotContain(elsewhere);

        // Outside the case's line of divisions: refused with the field named.
        var refused = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = elsewhere, reason = "请接收" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyId", out _).ShouldBeTrue();

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "涉嫌违法，由派出所牵头" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var pending = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        pending.GetProperty("leadAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);
        pending.GetProperty("pendingTransfer").GetProperty("agencyId").GetGuid().ShouldBe(Station.Agency.Id);
        pending.GetProperty("pendingTransfer").GetProperty("mayAnswer").GetBoolean().ShouldBeFalse();
        pending.GetProperty("pendingTransfer").GetProperty("text").GetString().ShouldBe("涉嫌违法，由派出所牵头");
        pending.GetProperty("mayRequestTransfer").GetBoolean().ShouldBeFalse();

        using var station = await factory.ClientAsAsync(Station, "en");
        var receiving = await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        var task = receiving.GetProperty("pendingTransfer");
        task.GetProperty("mayAnswer").GetBoolean().ShouldBeTrue();
        (await station.PostAsync($"/api/v1/tasks/{task.GetProperty("taskId").GetGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await station.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        after.GetProperty("leadAgencyId").GetGuid().ShouldBe(Station.Agency.Id);
        after.GetProperty("pendingTransfer").ValueKind.ShouldBe(JsonValueKind.Null);
        var timeline = await TimelineAsync(station, id);
        timeline.ShouldContain(("lead-transfer-requested", Workstation.Agency.Name, Station.Agency.Name));
        timeline.ShouldContain(("lead-transferred", Station.Agency.Name, Workstation.Agency.Name));
    }

    [ProviderFact]
    public async Task ADeclinedTransfer_IsOnTheTimeline_AndTheLeadMayAskAgain()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        var task = await (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/lead-transfer", new { agencyId = Station.Agency.Id, reason = "请派出所牵头" })).Content.ReadFromJsonAsync<JsonElement>();
        using var station = await factory.ClientAsAsync(Station, "en");
        (await station.PostAsJsonAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/decline", new { reason = "尚无违法事实" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var linkage = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        linkage.GetProperty("leadAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);
        linkage.GetProperty("pendingTransfer").ValueKind.ShouldBe(JsonValueKind.Null);
        linkage.GetProperty("mayRequestTransfer").GetBoolean().ShouldBeTrue();
        (await TimelineAsync(lead, id)).ShouldContain(("lead-transfer-declined", Station.Agency.Name, Workstation.Agency.Name));
    }

    [ProviderFact]
    public async Task ThePulledUpCase_IsHandledAtTheCityOnceAccepted_AndOutsidersGet404()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        using var district = await factory.ClientAsAsync(CentreAt("440306"), "en");
        var asCentre = await district.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        asCentre.GetProperty("mayEscalate").GetBoolean().ShouldBeTrue();
        asCentre.GetProperty("mayHandDown").GetBoolean().ShouldBeTrue();
        asCentre.GetProperty("mayRequestTransfer").GetBoolean().ShouldBeFalse();
        var asLead = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        asLead.GetProperty("mayEscalate").GetBoolean().ShouldBeTrue();
        asLead.GetProperty("mayHandDown").GetBoolean().ShouldBeFalse();

        var up = await (await district.PostAsJsonAsync($"/api/v1/cases/{id}/escalation", new { direction = "up", reason = "多次复发" })).Content.ReadFromJsonAsync<JsonElement>();
        var escalation = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage")).GetProperty("escalations").EnumerateArray().ShouldHaveSingleItem();
        escalation.GetProperty("direction").GetString().ShouldBe("up");
        escalation.GetProperty("status").GetString().ShouldBe("created");
        escalation.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage")).GetProperty("handlingTier").GetString().ShouldBe("community");

        using var city = await factory.ClientAsAsync(CentreAt("440300"), "en");
        (await city.PostAsync($"/api/v1/tasks/{up.GetProperty("id").GetGuid()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var handled = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/linkage");
        handled.GetProperty("handlingTier").GetString().ShouldBe("city");
        handled.GetProperty("handlingAgencyName").GetString().ShouldBe(CentreAt("440300").Agency.Name);
        (await TimelineAsync(lead, id)).ShouldContain(("escalated", CentreAt("440306").Agency.Name, CentreAt("440300").Agency.Name));

        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.GetAsync($"/api/v1/cases/{id}/linkage")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task AConferenceCalledOnDemand_MeetsWhenChosen_InvitesTheChosenAgencies_AndIsListedForThem()
    {
        using var lead = await factory.ClientAsAsync(Workstation, "en");
        var id = await OpenAsync(lead);
        using var district = await factory.ClientAsAsync(CentreAt("440306"), "en");
        var legalAid = factory.Account(AgencyType.LegalAidCentre, "440306");
        var at = DateTimeOffset.UtcNow.AddDays(3);
        at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);

        (await district.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { scheduledAt = DateTimeOffset.UtcNow.AddHours(-1) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await district.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { invited = new[] { Guid.NewGuid() } })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var called = await district.PostAsJsonAsync($"/api/v1/cases/{id}/conferences", new { scheduledAt = at, invited = new[] { legalAid.Agency.Id } });
        called.StatusCode.ShouldBe(HttpStatusCode.Created);
        var conference = await called.Content.ReadFromJsonAsync<JsonElement>();
        conference.GetProperty("scheduledAt").GetDateTimeOffset().ShouldBe(at);
        conference.GetProperty("invitedAgencyIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([Workstation.Agency.Id, legalAid.Agency.Id, CentreAt("440306").Agency.Id], ignoreOrder: true);
        (await TimelineAsync(lead, id)).ShouldContain(("conference-scheduled", CentreAt("440306").Agency.Name, CentreAt("440306").Agency.Name));

        using var invited = await factory.ClientAsAsync(legalAid, "en");
        var listed = (await invited.GetFromJsonAsync<JsonElement>("/api/v1/conferences")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == conference.GetProperty("id").GetGuid());
        listed.GetProperty("invitedMe").GetBoolean().ShouldBeTrue();
        listed.GetProperty("iConvene").GetBoolean().ShouldBeFalse();
        listed.GetProperty("invited").EnumerateArray().Select(e => e.GetString()).ShouldContain(legalAid.Agency.Name);
        (await district.GetFromJsonAsync<JsonElement>("/api/v1/conferences")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == conference.GetProperty("id").GetGuid()).GetProperty("iConvene").GetBoolean().ShouldBeTrue();

        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/conferences")).EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("caseId").GetGuid() == id);
    }
}

public sealed class CaseLinkageTests_Sqlite(SqliteFactory factory) : CaseLinkageTests<SqliteFactory>(factory);

public sealed class CaseLinkageTests_Postgres(PostgresFactory factory) : CaseLinkageTests<PostgresFactory>(factory), IPostgresTests;
