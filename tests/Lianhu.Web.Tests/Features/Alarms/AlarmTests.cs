using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Alarms;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Tests.Features.Alarms;

/// <summary>
/// The one-key alarm end to end through the real host: enrolment only by the lead at medium or high
/// risk; her PIN and its lockout; a press is one alert for the police station and the workstation,
/// retries never a second; the acknowledgement clock escalates to the district centre; only the
/// agencies an alert went to answer it; revocation kills the link at once.
/// </summary>
public abstract class AlarmTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    [ProviderFact]
    public async Task Enrolment_IsRefusedAtLowRiskOrUnassessed_AndToAnyoneButTheLead_AndGivesALinkOnce()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var low = await factory.AssessedCaseAsync(lead, 3);
        var refused = await lead.PostAsync($"/api/v1/cases/{low}/alarm/enrolment", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("alarm.risk-too-low");
        problem.GetProperty("detail").GetString()!.ShouldContain("medium- or high-risk");
        var unassessed = await factory.AssessedCaseAsync(lead, null);
        (await lead.PostAsync($"/api/v1/cases/{unassessed}/alarm/enrolment", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var id = await factory.AssessedCaseAsync(lead, 11);
        using var station = await factory.ClientAsAsync(factory.Station(), "en");
        var notLead = await station.PostAsync($"/api/v1/cases/{id}/alarm/enrolment", null);
        notLead.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the station holds a task on the case but does not lead it");
        (await notLead.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("step.lead-only");
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await centre.PostAsync($"/api/v1/cases/{id}/alarm/enrolment", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.PostAsync($"/api/v1/cases/{id}/alarm/enrolment", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var path = await AlarmSteps.EnrolAsync(lead, id);
        var token = path["/a/".Length..];
        token.Length.ShouldBe(43);
        var stored = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmEnrolment>().AsNoTracking().SingleAsync(e => e.CaseId == id));
        stored.TokenHash.ShouldNotContain(token, Case.Sensitive, "only a keyed hash of the token is kept");
        var alarms = await AlarmSteps.AlarmsAsync(lead, id);
        alarms.GetProperty("enrolment").GetProperty("pinSet").GetBoolean().ShouldBeFalse();
        alarms.ToString().ShouldNotContain(token);
    }

    [ProviderFact]
    public async Task HerPage_ShowsNoCaseContent_SetsAPin_WrongPinsLock_ThenAPressIsOneAlertForTheStationAndTheWorkstation()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await factory.AssessedCaseAsync(lead, 16);
        var number = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("number").GetString()!;
        var path = await AlarmSteps.EnrolAsync(lead, id);

        using var phone = factory.Phone();
        var first = await phone.GetAsync(path);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var page = await first.Content.ReadAsStringAsync();
        page.ShouldContain("<title>便签</title>");
        page.ShouldContain("pin-set");
        page.ShouldContain("href=\"tel:110\"");
        page.ShouldNotContain(number);
        page.ShouldNotContain("一键报警测试");
        page.ShouldNotContain("联护");
        var manifest = await (await phone.GetAsync(path + "/manifest.webmanifest")).Content.ReadFromJsonAsync<JsonElement>();
        manifest.GetProperty("name").GetString().ShouldBe("便签");
        manifest.GetProperty("start_url").GetString().ShouldBe(path);

        (await (await AlarmSteps.SetPinAsync(phone, path, "12a4")).Content.ReadAsStringAsync()).ShouldContain("4 至 6 位数字");
        (await (await AlarmSteps.SetPinAsync(phone, path, "1234", "1235")).Content.ReadAsStringAsync()).ShouldContain("不一致");
        (await AlarmSteps.SetPinAsync(phone, path, "2468")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AlarmSteps.AlarmsAsync(lead, id)).GetProperty("enrolment").GetProperty("pinSet").GetBoolean().ShouldBeTrue();

        // Another browser (no unlocked cookie): five wrong PINs lock the link; even the right PIN waits; no alert is raised.
        using var other = factory.Phone();
        for (var i = 0; i < 4; i++)
        {
            (await (await AlarmSteps.PressAsync(other, path, "0000")).Content.ReadAsStringAsync()).ShouldContain("密码不正确");
        }

        (await (await AlarmSteps.PressAsync(other, path, "0000")).Content.ReadAsStringAsync()).ShouldContain("data-testid=\"locked\"");
        (await (await AlarmSteps.PressAsync(other, path, "2468")).Content.ReadAsStringAsync()).ShouldContain("data-testid=\"locked\"");
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().CountAsync(a => a.CaseId == id))).ShouldBe(0);
        factory.Clock.Advance(TimeSpan.FromMinutes(15));

        // The right PIN presses, with her location; a retry of the press and a second press at once join the same alert.
        var press = Guid.NewGuid().ToString("N");
        var pressed = await AlarmSteps.PressAsync(other, path, "2468", press, at: (22.5551, 113.8836));
        pressed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        pressed.Headers.Location!.ToString().ShouldStartWith(path + "?sent=");
        (await AlarmSteps.PressAsync(other, path, "2468", press)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AlarmSteps.PressAsync(phone, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the phone that set the PIN is unlocked");
        var alerts = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().Where(a => a.CaseId == id).ToListAsync());
        var alert = alerts.ShouldHaveSingleItem("retries and repeated presses never duplicate an alert");
        alert.Location.ShouldBe("22.5551,113.8836,25");
        var raw = await ClockTestHosts.QueryAsync(factory.Services, db => db.Database.SqlQueryRaw<string>("SELECT \"Location\" AS \"Value\" FROM alarm_alerts WHERE \"Location\" IS NOT NULL").ToListAsync());
        raw.ShouldNotBeEmpty();
        raw.ShouldAllBe(r => !r.Contains("22.5551"), "the location is encrypted at rest");

        // The station (a task holder) and the workstation (the lead) have it at the top of their inbox; the location is theirs only.
        var station = factory.Station();
        using var police = await factory.ClientAsAsync(station, "en");
        var open = (await police.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray().ToList();
        open.ShouldContain(o => o.GetProperty("alertId").GetGuid() == alert.Id && o.GetProperty("caseNumber").GetString() == number);
        (await lead.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray().ShouldContain(o => o.GetProperty("alertId").GetGuid() == alert.Id);
        var seen = (await AlarmSteps.AlarmsAsync(police, id)).GetProperty("alerts")[0];
        seen.GetProperty("mayRespond").GetBoolean().ShouldBeTrue();
        seen.GetProperty("location").GetString().ShouldBe("22.5551,113.8836,25");
        var responders = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmResponder>().Where(r => r.AlertId == alert.Id).Select(r => r.AgencyId).ToListAsync());
        responders.ShouldContain(station.Agency.Id);
        responders.ShouldContain(factory.Workstation().Agency.Id);
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        var supervised = (await AlarmSteps.AlarmsAsync(centre, id)).GetProperty("alerts")[0];
        supervised.GetProperty("location").ValueKind.ShouldBe(JsonValueKind.Null, "the supervising centre reads the alert but not where she is, unless it is escalated to it");
        (await centre.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).GetArrayLength().ShouldBe(0);

        // Only an agency the alert went to answers it: the centre in scope is refused, a stranger does not see the case.
        var notResponder = await centre.PostAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/acknowledge", null);
        notResponder.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notResponder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("alarm.not-responder");
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        (await stranger.PostAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await police.PostAsJsonAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/outcome", new { outcome = "attended" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "acknowledge first");

        var falseAlarmsBefore = await FalseAlarmsAsync(lead);
        var inTimeBefore = await AcknowledgedInTimeAsync(lead, station.Agency.Id);
        (await police.PostAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await police.PostAsJsonAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/outcome", new { outcome = "other" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await police.PostAsJsonAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/outcome", new { outcome = "false-alarm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = (await AlarmSteps.AlarmsAsync(lead, id)).GetProperty("alerts")[0];
        closed.GetProperty("state").GetString().ShouldBe("closed");
        closed.GetProperty("outcome").GetString().ShouldBe("false-alarm");
        (await police.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray().ShouldNotContain(o => o.GetProperty("alertId").GetGuid() == alert.Id);

        // In the statistics: the alert counts under its outcome, and as acknowledged in time by the station.
        (await FalseAlarmsAsync(lead)).ShouldBe(falseAlarmsBefore + 1);
        (await AcknowledgedInTimeAsync(lead, station.Agency.Id)).ShouldBe(inTimeBefore + 1);

        // The timeline and the audit trail carry each step, typed.
        var kinds = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("alarm-enrolled");
        kinds.ShouldContain("alarm-raised");
        kinds.ShouldContain("alarm-acknowledged");
        kinds.ShouldContain("alarm-closed");
        var actions = await ClockTestHosts.QueryAsync(factory.Services, db => db.AuditEvents.Where(e => e.CaseId == id).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("alarm.enrol");
        actions.ShouldContain("alarm.pin.set");
        actions.ShouldContain("alarm.pin.wrong");
        actions.ShouldContain("alarm.raise");
        actions.ShouldContain("alarm.acknowledge");
        actions.ShouldContain("alarm.outcome");
    }

    [ProviderFact]
    public async Task AMissedAcknowledgement_EscalatesOnceToTheDistrictCentre_WhichMayThenAnswer_AnAcknowledgedOneNever()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await factory.AssessedCaseAsync(lead, 11);
        var path = await AlarmSteps.EnrolAsync(lead, id);
        using var phone = factory.Phone();
        await AlarmSteps.SetPinAsync(phone, path, "1357");
        (await AlarmSteps.PressAsync(phone, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var alert = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().SingleAsync(a => a.CaseId == id));
        alert.AcknowledgeBy.ShouldBe(alert.RaisedAt.AddMinutes(5), "config/policies/alarms.json: acknowledgeMinutes 5");

        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        await AlarmSteps.EscalateAsync(factory.Services);
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().SingleAsync(a => a.Id == alert.Id))).EscalatedAt.ShouldBeNull();
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        (await AlarmSteps.EscalateAsync(factory.Services)).ShouldBeGreaterThanOrEqualTo(1);
        (await AlarmSteps.EscalateAsync(factory.Services)).ShouldBe(0, "an alert escalates once");
        var escalated = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().SingleAsync(a => a.Id == alert.Id));
        escalated.EscalatedToAgencyId.ShouldBe(factory.DistrictCentre().Id);

        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await centre.GetFromJsonAsync<JsonElement>("/api/v1/alarms/open")).EnumerateArray().ShouldContain(o => o.GetProperty("alertId").GetGuid() == alert.Id && o.GetProperty("escalated").GetBoolean());
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline")).EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "alarm-escalated");
        (await centre.PostAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.OK, "the centre it escalated to may answer");
        (await centre.PostAsJsonAsync($"/api/v1/cases/{id}/alarms/{alert.Id}/outcome", new { outcome = "attended" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // An alert acknowledged in time never escalates.
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        (await AlarmSteps.PressAsync(phone, path)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().Where(a => a.CaseId == id && a.Id != alert.Id).SingleAsync());
        using var police = await factory.ClientAsAsync(factory.Station(), "en");
        (await police.PostAsync($"/api/v1/cases/{id}/alarms/{second.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        await AlarmSteps.EscalateAsync(factory.Services);
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().AsNoTracking().SingleAsync(a => a.Id == second.Id))).EscalatedAt.ShouldBeNull();
    }

    [ProviderFact]
    public async Task Revocation_KillsTheLinkAtOnce_LikeAnUnknownOne_AndANewEnrolmentGivesANewLink()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var id = await factory.AssessedCaseAsync(lead, 11);
        var path = await AlarmSteps.EnrolAsync(lead, id);
        using var phone = factory.Phone();
        await AlarmSteps.SetPinAsync(phone, path, "9753");
        (await phone.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var station = await factory.ClientAsAsync(factory.Station(), "en");
        (await station.DeleteAsync($"/api/v1/cases/{id}/alarm/enrolment")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.DeleteAsync($"/api/v1/cases/{id}/alarm/enrolment")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.DeleteAsync($"/api/v1/cases/{id}/alarm/enrolment")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var dead = await phone.GetAsync(path);
        dead.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var deadPage = await dead.Content.ReadAsStringAsync();
        var unknown = await (await phone.GetAsync("/a/" + new string('x', 43))).Content.ReadAsStringAsync();
        deadPage.ShouldBe(unknown, "a revoked link answers exactly like one that never existed");
        deadPage.ShouldContain("<title>便签</title>");
        (await AlarmSteps.PressAsync(phone, path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the unlocked cookie opens nothing any more");
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.Set<AlarmAlert>().CountAsync(a => a.CaseId == id))).ShouldBe(0);

        var renewed = await AlarmSteps.EnrolAsync(lead, id);
        renewed.ShouldNotBe(path);
        (await phone.GetAsync(renewed)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var kinds = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.Count(k => k == "alarm-enrolled").ShouldBe(2);
        kinds.ShouldContain("alarm-revoked");
    }

    private static async Task<decimal> FalseAlarmsAsync(HttpClient viewer) =>
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/statistics/alarm-alerts?by=kind")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("key").GetString() == "false-alarm").Select(r => r.GetProperty("value").GetDecimal()).SingleOrDefault();

    private static async Task<int> AcknowledgedInTimeAsync(HttpClient viewer, Guid agency) =>
        (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/statistics/alarms-acknowledged-in-time?by=agency")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("key").GetString() == agency.ToString()).Select(r => r.GetProperty("numerator").GetInt32()).SingleOrDefault();
}

public sealed class AlarmTests_Sqlite(AlarmSqliteFactory factory) : AlarmTests<AlarmSqliteFactory>(factory);

public sealed class AlarmTests_Postgres(AlarmPostgresFactory factory) : AlarmTests<AlarmPostgresFactory>(factory), IPostgresTests;
