using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Cases;

/// <summary>
/// The timeline carries every agency's actions on the case — assessments, tasks, visits, consents —
/// in order, each by the agency that acted, and only as far as the viewer may read their sections
/// (issue 4 item 7, "leaving traces").
/// </summary>
public abstract class CaseTimelineTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private DemoAccount Lead => factory.Workstation();

    private DemoAgency District(AgencyType type) => factory.BaoanAgency(type);

    private DemoAccount StaffOf(AgencyType type) => factory.BaoanStaff(type);

    private void Later() => factory.Clock.Advance(TimeSpan.FromMinutes(1));

    private static async Task<Guid> RoutedTaskAsync(HttpClient lead, Guid caseId, string need, string agencyType)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { need } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(t => t.GetProperty("agencyType").GetString() == agencyType).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> TimelineAsync(HttpClient client, Guid caseId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/timeline")).EnumerateArray()];

    [ProviderFact]
    public async Task EveryAgencysActions_AppearInOrder_ByTheAgencyThatActed_AsFarAsTheViewerMayRead()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        using var legalAid = await factory.ClientAsAsync(StaffOf(AgencyType.LegalAidCentre), "en");
        using var counsellor = await factory.ClientAsAsync(StaffOf(AgencyType.CounsellingCentre), "en");
        var caseId = await ClockTestHosts.OpenCaseAsync(lead, Lead.Agency.Division.Value);

        Later();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { instrument = "dash-ric", yes = new[] { 1 } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        Later();
        var legalTask = await RoutedTaskAsync(lead, caseId, "legal-aid", "legal-aid-centre");
        Later();
        (await legalAid.PostAsJsonAsync($"/api/v1/tasks/{legalTask}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Later();
        (await legalAid.PostAsJsonAsync($"/api/v1/tasks/{legalTask}/complete", new { outcome = "已提供法律援助咨询" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        Later();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/visits", new { method = "phone", outcome = "safe", note = "电话回访，情况稳定" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        Later();
        var counsellingTask = await RoutedTaskAsync(lead, caseId, "counselling", "counselling-centre");
        Later();
        var expires = Lianhu.Domain.Clocks.ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new
        {
            basis = "consent",
            givenBy = "victim",
            method = "written",
            agencyId = District(AgencyType.CounsellingCentre).Id,
            sections = new[] { "identity", "counselling" },
            expiresAt = expires,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var entries = await TimelineAsync(lead, caseId);
        // In this order (the assessment may route tasks of its own in between).
        var kinds = entries.Select(e => e.GetProperty("kind").GetString()!).ToList();
        string[] expected = ["opened", "assessed", "task-created", "task-accepted", "task-completed", "visit-recorded", "task-created", "consent-recorded"];
        IsSubsequence(expected, kinds).ShouldBeTrue(string.Join(", ", kinds));
        entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ShouldBeInOrder();

        JsonElement Of(string kind, Guid? id = null) => entries.First(e => e.GetProperty("kind").GetString() == kind && (id is null || e.GetProperty("id").GetGuid() == id));
        var legalAidName = District(AgencyType.LegalAidCentre).Name;
        Of("task-created", legalTask).GetProperty("target").GetString().ShouldBe(legalAidName);
        Of("task-accepted").GetProperty("agency").GetString().ShouldBe(legalAidName);
        Of("task-completed").GetProperty("agency").GetString().ShouldBe(legalAidName);
        Of("assessed").GetProperty("agency").GetString().ShouldBe(Lead.Agency.Name);
        Of("assessed").GetProperty("detail").GetString().ShouldBe("low");
        Of("visit-recorded").GetProperty("detail").GetString().ShouldBe("safe");
        Of("task-created", counsellingTask).GetProperty("target").GetString().ShouldBe(District(AgencyType.CounsellingCentre).Name);
        entries.ShouldAllBe(e => e.GetProperty("note").ValueKind == JsonValueKind.Null, "free text stays on the records' own pages");
        entries.Select(e => e.GetProperty("id").GetGuid()).ShouldBeUnique();
        (await TimelineAsync(lead, caseId)).Select(e => e.GetProperty("id").GetGuid()).ShouldBe(entries.Select(e => e.GetProperty("id").GetGuid()), "entry ids are stable");

        // The counselling centre, consented identity and counselling only, sees the tasks and the
        // consent but neither the risk assessment nor the visit.
        var seen = (await TimelineAsync(counsellor, caseId)).Select(e => e.GetProperty("kind").GetString()).ToList();
        seen.ShouldContain("task-created");
        seen.ShouldContain("consent-recorded");
        seen.ShouldNotContain("assessed");
        seen.ShouldNotContain("visit-recorded");

        // The district centre withdraws the consent: the entry names the centre, not the lead that recorded it.
        Later();
        var consentId = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/consents"))[0].GetProperty("id").GetGuid();
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await centre.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents/{consentId}/withdraw", new { reason = "受害人撤回同意" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withdrawn = (await TimelineAsync(lead, caseId)).Last();
        withdrawn.GetProperty("kind").GetString().ShouldBe("consent-withdrawn");
        withdrawn.GetProperty("agency").GetString().ShouldBe(factory.CentreAt("440306").Agency.Name);
    }

    private static bool IsSubsequence(IReadOnlyList<string> wanted, IReadOnlyList<string> actual)
    {
        var next = 0;
        foreach (var kind in actual)
        {
            if (next < wanted.Count && kind == wanted[next])
            {
                next++;
            }
        }

        return next == wanted.Count;
    }
}

public sealed class CaseTimelineTests_Sqlite(ClockSqliteFactory factory) : CaseTimelineTests<ClockSqliteFactory>(factory);

public sealed class CaseTimelineTests_Postgres(ClockPostgresFactory factory) : CaseTimelineTests<ClockPostgresFactory>(factory), IPostgresTests;
