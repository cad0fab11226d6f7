using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Sharing;

/// <summary>
/// Consent and legal basis for sharing with non-statutory bodies (issue 6 item 8), on each database
/// with a clock the test sets: routing to a counselling centre or social-work group is held without
/// consent and released by it; expiry and withdrawal end the body's access and hold new sharing; a
/// legal basis stands in for consent; a non-statutory task holder sees only the consented sections.
/// </summary>
public abstract class ConsentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private const string Baoan = "440306";

    private DemoAccount Lead => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value.StartsWith(Baoan, StringComparison.Ordinal) && a.Role == Role.Caseworker);

    private DemoAgency District(AgencyType type) => factory.BaoanAgency(type);

    private DemoAccount StaffOf(AgencyType type) => factory.BaoanStaff(type);

    private string InDays(int days) => Lianhu.Domain.Clocks.ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> OpenCaseAsync(HttpClient lead) =>
        await ClockTestHosts.OpenCaseAsync(lead, Lead.Agency.Division.Value);

    private static async Task<JsonElement[]> RouteAsync(HttpClient lead, Guid caseId, params string[] needs)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()];
    }

    private static async Task<JsonElement> TaskAsync(HttpClient client, Guid caseId, Guid taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == taskId);

    private static async Task<JsonElement> RecordAsync(HttpClient lead, Guid caseId, object body)
    {
        var response = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [ProviderFact]
    public async Task RoutingToACounsellingCentre_IsHeldWithoutConsent_AndRecordingConsentReleasesIt()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        using var counsellor = await factory.ClientAsAsync(StaffOf(AgencyType.CounsellingCentre), "en");
        var caseId = await OpenCaseAsync(lead);

        var routed = await RouteAsync(lead, caseId, "counselling");

        var held = routed.Single(t => t.GetProperty("agencyType").GetString() == "counselling-centre");
        held.GetProperty("status").GetString().ShouldBe("held");
        held.GetProperty("clockId").ValueKind.ShouldBe(JsonValueKind.Null, "a held task runs no clock");
        var taskId = held.GetProperty("id").GetGuid();
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var counsellorInbox = await counsellor.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        counsellorInbox.GetProperty("awaiting").EnumerateArray().ShouldNotContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId);
        var leadInbox = await lead.GetFromJsonAsync<JsonElement>("/api/v1/inbox");
        leadInbox.GetProperty("updates").EnumerateArray().ShouldContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId, "the lead is told consent is needed");
        (await RouteAsync(lead, caseId, "counselling")).ShouldBeEmpty("a held task is not routed twice");

        var consent = await RecordAsync(lead, caseId, new
        {
            basis = "consent",
            givenBy = "victim",
            method = "written",
            agencyId = District(AgencyType.CounsellingCentre).Id,
            sections = new[] { "identity", "counselling" },
            expiresAt = InDays(30),
            note = "受害人签署知情同意书",
        });

        consent.GetProperty("state").GetString().ShouldBe("in-force");
        consent.GetProperty("releasedTaskIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([taskId]);
        var released = await TaskAsync(lead, caseId, taskId);
        released.GetProperty("status").GetString().ShouldBe("created");
        released.GetProperty("clockId").ValueKind.ShouldBe(JsonValueKind.String);
        var seen = await counsellor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        seen.GetProperty("access").EnumerateObject().Select(p => p.Name).Order().ToArray().ShouldBe(["counselling", "identity"], "only the consented sections");
        (await counsellor.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).GetProperty("awaiting").EnumerateArray()
            .ShouldContain(i => i.GetProperty("task").GetProperty("id").GetGuid() == taskId);

        // The task holder reads the consents but may not record one.
        (await counsellor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/consents")).GetArrayLength().ShouldBe(1);
        var forbidden = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { basis = "consent" });
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("consent.not-allowed");
    }

    [ProviderFact]
    public async Task ExpiredConsent_EndsTheBodysAccess_AndHoldsNewSharing()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        using var socialWorker = await factory.ClientAsAsync(StaffOf(AgencyType.SocialWorkGroup), "en");
        var caseId = await OpenCaseAsync(lead);
        await RecordAsync(lead, caseId, new { basis = "consent", givenBy = "victim", method = "verbal", agencyType = "social-work-group", sections = new[] { "identity", "contact" }, expiresAt = InDays(2) });
        var routed = await RouteAsync(lead, caseId, "social-work");
        routed.Single(t => t.GetProperty("agencyType").GetString() == "social-work-group").GetProperty("status").GetString().ShouldBe("created", "consent for the type covers the district group");
        (await socialWorker.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromDays(4));

        (await socialWorker.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "expired consent ends access");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/consents"))[0].GetProperty("state").GetString().ShouldBe("expired");
        var counselling = await RouteAsync(lead, caseId, "counselling");
        counselling.Single().GetProperty("status").GetString().ShouldBe("held");
    }

    [ProviderFact]
    public async Task WithdrawnConsent_EndsAccessAtOnce_AndCannotBeWithdrawnTwice()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        using var counsellor = await factory.ClientAsAsync(StaffOf(AgencyType.CounsellingCentre), "en");
        var caseId = await OpenCaseAsync(lead);
        await RouteAsync(lead, caseId, "counselling");
        var consent = await RecordAsync(lead, caseId, new { basis = "consent", givenBy = "guardian", method = "electronic", agencyType = "counselling-centre", sections = new[] { "identity" }, expiresAt = InDays(10) });
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = $"/api/v1/cases/{caseId}/consents/{consent.GetProperty("id").GetGuid()}/withdraw";

        var withdrawn = await lead.PostAsJsonAsync(url, new { reason = "受害人撤回同意" });

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("state").GetString().ShouldBe("withdrawn");
        body.GetProperty("withdrawnAt").GetDateTimeOffset().ShouldBe(factory.Clock.GetUtcNow());
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lead.PostAsJsonAsync(url, new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [ProviderFact]
    public async Task ALegalBasis_StandsInForConsent()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        var caseId = await OpenCaseAsync(lead);
        var basis = await RecordAsync(lead, caseId, new
        {
            basis = "legal-basis",
            legalBasis = "court-order",
            citation = "(2025)粤0306民保令12号",
            agencyType = "counselling-centre",
            sections = new[] { "identity", "counselling" },
        });
        basis.GetProperty("legalBasisName").GetString().ShouldBe("court order");
        basis.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.Null);

        var routed = await RouteAsync(lead, caseId, "counselling");

        routed.Single().GetProperty("status").GetString().ShouldBe("created");
        using var counsellor = await factory.ClientAsAsync(StaffOf(AgencyType.CounsellingCentre), "en");
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task WorkGivenByHand_ToABodyWithoutConsent_IsHeldLikeRoutedWork_AndConsentReleasesIt()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        using var counsellor = await factory.ClientAsAsync(StaffOf(AgencyType.CounsellingCentre), "en");
        using var legalAid = await factory.ClientAsAsync(StaffOf(AgencyType.LegalAidCentre), "en");
        var counselling = District(AgencyType.CounsellingCentre).Id;
        var caseId = await OpenCaseAsync(lead);

        // A centre reassigns declined work to the counselling centre: held, no clock, no access.
        var declined = (await RouteAsync(lead, caseId, "legal-aid")).Single().GetProperty("id").GetGuid();
        (await legalAid.PostAsJsonAsync($"/api/v1/tasks/{declined}/decline", new { reason = "需要先做心理疏导" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reassignment = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "reassignment");
        var centre = factory.City.Accounts.First(a => a.Agency.Id == reassignment.GetProperty("agencyId").GetGuid() && a.Role == Role.Caseworker);
        using (var centreClient = await factory.ClientAsAsync(centre, "en"))
        {
            (await centreClient.PostAsJsonAsync($"/api/v1/tasks/{reassignment.GetProperty("id").GetGuid()}/reassign", new { agencyId = counselling })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var reassigned = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().Single(t => t.GetProperty("agencyId").GetGuid() == counselling);
        reassigned.GetProperty("status").GetString().ShouldBe("held");
        reassigned.GetProperty("clockId").ValueKind.ShouldBe(JsonValueKind.Null);

        // A conference decision naming the counselling centre is held as well.
        using var convener = await factory.ClientAsAsync(StaffOf(AgencyType.LinkageCentre), "en");
        var conference = await (await convener.PostAsJsonAsync($"/api/v1/cases/{caseId}/conferences", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var recorded = await convener.PostAsJsonAsync($"/api/v1/conferences/{conference.GetProperty("id").GetGuid()}/record", new
        {
            attended = new[] { Lead.Agency.Id },
            minutes = "会商：建议心理疏导",
            decisions = new[] { new { agencyId = counselling, dueHours = 48, text = "为受害人安排心理疏导" } },
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var decision = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tasks").EnumerateArray().Single();
        decision.GetProperty("status").GetString().ShouldBe("held");
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var heldIds = new[] { reassigned.GetProperty("id").GetGuid(), decision.GetProperty("id").GetGuid() };
        (await counsellor.GetFromJsonAsync<JsonElement>("/api/v1/inbox")).GetProperty("awaiting").EnumerateArray()
            .ShouldNotContain(i => heldIds.Contains(i.GetProperty("task").GetProperty("id").GetGuid()), "the body does not see held work");

        // Consent releases both, each with a clock and its period.
        var consent = await RecordAsync(lead, caseId, new { basis = "consent", givenBy = "victim", method = "written", agencyId = counselling, sections = new[] { "identity", "counselling" }, expiresAt = InDays(30) });
        consent.GetProperty("releasedTaskIds").EnumerateArray().Select(e => e.GetGuid()).Order().ShouldBe(heldIds.Order());
        var released = await TaskAsync(lead, caseId, decision.GetProperty("id").GetGuid());
        released.GetProperty("status").GetString().ShouldBe("created");
        released.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(factory.Clock.GetUtcNow().AddHours(48), TimeSpan.FromMinutes(1));
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task InvalidConsents_AreRefusedWithTheFieldsNamed()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        var caseId = await OpenCaseAsync(lead);
        async Task<string[]> ErrorsAsync(object body)
        {
            var response = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order()];
        }

        (await ErrorsAsync(new { })).ShouldBe(["agencyId", "basis", "sections"]);
        (await ErrorsAsync(new { basis = "consent", agencyType = "counselling-centre", sections = new[] { "identity", "secrets" } }))
            .ShouldBe(["expiresAt", "givenBy", "method", "sections[1]"]);
        (await ErrorsAsync(new { basis = "consent", givenBy = "victim", method = "written", agencyType = "counselling-centre", agencyId = District(AgencyType.CounsellingCentre).Id, sections = new[] { "identity" }, expiresAt = "2001-01-01" }))
            .ShouldBe(["agencyType", "expiresAt"]);
        (await ErrorsAsync(new { basis = "consent", givenBy = "victim", method = "written", agencyId = Guid.NewGuid(), sections = new[] { "identity" }, expiresAt = InDays(400) }))
            .ShouldBe(["agencyId", "expiresAt"]);
        (await ErrorsAsync(new { basis = "legal-basis", legalBasis = "whim", agencyType = "counselling-centre", sections = new[] { "identity" } }))
            .ShouldBe(["citation", "legalBasis"]);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/consents")).GetArrayLength().ShouldBe(0);
    }

    [ProviderFact]
    public async Task OutsideScope_IsNotFound()
    {
        using var lead = await factory.ClientAsAsync(Lead, "en");
        var caseId = await OpenCaseAsync(lead);
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.CommunityWorkstation, "440304"), "en");

        (await stranger.GetAsync($"/api/v1/cases/{caseId}/consents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new { basis = "consent" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents/{Guid.NewGuid()}/withdraw", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ConsentTests_Sqlite(ClockSqliteFactory factory) : ConsentTests<ClockSqliteFactory>(factory);

public sealed class ConsentTests_Postgres(ClockPostgresFactory factory) : ConsentTests<ClockPostgresFactory>(factory), IPostgresTests;
