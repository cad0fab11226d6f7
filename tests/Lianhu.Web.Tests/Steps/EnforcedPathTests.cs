using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Tests.Steps;

/// <summary>
/// Issue 12's attacks replayed: every step on a case goes through one gate (scope → section and
/// action → the step), so a consented counselling centre, an emergency reader and a task holder
/// get exactly what the permission table gives them on every path — the case, its correction,
/// history, timeline, tasks, legal records and clocks — and a probe leaves a trace.
/// </summary>
public abstract class EnforcedPathTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string VictimName = "欧阳秀英";
    private const string VictimId = "440306198501011238";
    private const string VictimPhone = "13800138000";
    private const string Address = "宝安区新安街道幸福路 8 号 502";

    private DemoAccount Lead => factory.Workstation();

    private async Task<(HttpClient Lead, Guid CaseId)> CaseWithPartiesAsync()
    {
        var lead = await factory.ClientAsAsync(Lead, "en");
        var response = await lead.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "hotline",
            summary = "丈夫多次殴打，本次持刀威胁",
            divisionCode = Lead.Agency.Division.Value,
            address = Address,
            parties = new object[]
            {
                new { role = "victim", name = VictimName, idNumber = VictimId, phone = VictimPhone },
                new { role = "respondent", name = "王大力" },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (lead, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>Routes needs to the district's bodies and gives the counselling centre a consent for counselling alone.</summary>
    private async Task<HttpClient> ConsentedCounsellorAsync(HttpClient lead, Guid caseId)
    {
        var routed = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "counselling", "legal-aid" } });
        routed.StatusCode.ShouldBe(HttpStatusCode.OK, await routed.Content.ReadAsStringAsync());
        var expires = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new
        {
            basis = "consent",
            givenBy = "victim",
            method = "written",
            agencyId = factory.BaoanAgency(AgencyType.CounsellingCentre).Id,
            sections = new[] { "counselling" },
            expiresAt = expires,
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return await factory.ClientAsAsync(factory.BaoanStaff(AgencyType.CounsellingCentre), "en");
    }

    private static void ShouldHoldNoContent(string body)
    {
        body.ShouldNotContain(VictimName);
        body.ShouldNotContain(VictimId);
        body.ShouldNotContain(VictimPhone);
        body.ShouldNotContain("幸福路");
        body.ShouldNotContain("持刀");
    }

    [ProviderFact]
    public async Task ConsentedCounsellingCentre_GetsOnlyItsSections_OnEveryPath()
    {
        var (lead, caseId) = await CaseWithPartiesAsync();
        using var _ = lead;
        using var counsellor = await ConsentedCounsellorAsync(lead, caseId);

        // The case: the header, nothing of identity, contact or incident.
        var read = await counsellor.GetAsync($"/api/v1/cases/{caseId}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldHoldNoContent(await read.Content.ReadAsStringAsync());
        var version = read.Headers.ETag!.Tag;

        // The correction with an empty body was a read of everything, unaudited (finding 1).
        using var edit = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{caseId}") { Content = JsonContent.Create(new { }) };
        edit.Headers.IfMatch.ParseAdd(version);
        var patched = await counsellor.SendAsync(edit);
        patched.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await patched.Content.ReadAsStringAsync();
        ShouldHoldNoContent(problem);
        problem.ShouldContain("section.no-write");

        // History names the parties: identity (finding 4).
        var history = await counsellor.GetAsync($"/api/v1/cases/{caseId}/history");
        history.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldHoldNoContent(await history.Content.ReadAsStringAsync());

        // The timeline keeps its entries but not the free text of what happened.
        ShouldHoldNoContent(await counsellor.GetStringAsync($"/api/v1/cases/{caseId}/timeline"));

        // Legal records and filing an order (finding 2), starting a ruling clock (finding 3).
        var legal = await counsellor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal");
        legal.GetProperty("canWriteLegal").GetBoolean().ShouldBeFalse();
        (await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-ruling", at = DateTimeOffset.UtcNow.ToString("O") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await counsellor.GetAsync($"/api/v1/cases/{caseId}/flags")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Task reasons reveal what routed them: the legal-aid task's need is incident content; its own task's reason it reads.
        var tasks = (await counsellor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).EnumerateArray().ToList();
        tasks.Single(t => t.GetProperty("agencyType").GetString() == "legal-aid-centre").GetProperty("reason").GetString().ShouldBeEmpty();
        tasks.Single(t => t.GetProperty("agencyType").GetString() == "counselling-centre").GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();

        // The lead still sees everything, and the counsellor's correction left the case as it was.
        var full = await lead.GetStringAsync($"/api/v1/cases/{caseId}");
        full.ShouldContain(VictimName);
        full.ShouldContain(VictimPhone);
    }

    [ProviderFact]
    public async Task TheCaseRead_ShowsEachFieldGroupOnlyWithItsSection_AndRecordsTheSectionsReturned()
    {
        var (lead, caseId) = await CaseWithPartiesAsync();
        using var _ = lead;
        using var counsellor = await ConsentedCounsellorAsync(lead, caseId);
        var dto = await counsellor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        dto.GetProperty("intake").ValueKind.ShouldBe(JsonValueKind.Null, "no intake section is shared with it");
        dto.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Null);

        // The legal aid centre holding a task reads identity and contact but not health: each group on its own.
        using var legalAid = await factory.ClientAsAsync(factory.BaoanStaff(AgencyType.LegalAidCentre), "en");
        var seen = await legalAid.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        var victim = seen.GetProperty("intake").GetProperty("parties").EnumerateArray().First(p => p.GetProperty("role").GetString() == "victim");
        victim.GetProperty("name").GetString().ShouldBe(VictimName);
        victim.GetProperty("phone").GetString().ShouldEndWith(VictimPhone);

        (await lead.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sections = await QueryAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "case.read" && e.EntityId == caseId.ToString()).Select(e => new { e.AgencyId, e.Section }).ToListAsync());
        sections.ShouldContain(e => e.AgencyId == Lead.Agency.Id && e.Section == "identity,contact,incident,health,children");
        sections.ShouldContain(e => e.AgencyId == factory.BaoanAgency(AgencyType.CounsellingCentre).Id && e.Section == null);
        sections.ShouldContain(e => e.AgencyId == factory.BaoanAgency(AgencyType.LegalAidCentre).Id && e.Section == "identity,contact,incident,health,children");
    }

    [ProviderFact]
    public async Task EmergencyAccess_NeedsARealReason_AndIsReadOnlyEverywhere()
    {
        var (lead, caseId) = await CaseWithPartiesAsync();
        using var _ = lead;
        var number = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("number").GetString();
        var outsider = factory.Account(AgencyType.PoliceStation, "440304");
        using var reader = await factory.ClientAsAsync(outsider, "en");

        foreach (var filler in new[] { "..........", "aaaaaaaaaaaa", "测试测试测试测试测试测试", "1 1 1 1 1 1 1 1 1 1 1" })
        {
            var refused = await reader.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = number, reason = filler });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, filler);
        }

        (await reader.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = number, reason = "110 指令：受害人称施暴者正在门外，需核实住址" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await reader.GetAsync($"/api/v1/cases/{caseId}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var edit = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{caseId}") { Content = JsonContent.Create(new { summary = "改写", address = "别处" }) };
        edit.Headers.IfMatch.ParseAdd(read.Headers.ETag!.Tag);
        (await reader.SendAsync(edit)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await reader.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "shelter-stay", at = DateTimeOffset.UtcNow.ToString("O") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("summary").GetString().ShouldBe("丈夫多次殴打，本次持刀威胁");

        // The supervising centre reads who looked and why.
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306", Lianhu.Domain.Access.Role.Supervisor), "en");
        var viewers = (await centre.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/viewers")).EnumerateArray().ToList();
        viewers.Single(v => v.GetProperty("emergencyAccess").GetBoolean()).GetProperty("emergencyReason").GetString().ShouldBe("110 指令：受害人称施暴者正在门外，需核实住址");
    }

    [ProviderFact]
    public async Task AClock_IsCompletedOnlyByItsOwner_OrASupervisingCentre()
    {
        var (lead, caseId) = await CaseWithPartiesAsync();
        using var _ = lead;
        var routed = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "legal-aid" } });
        routed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var legalTaskClock = (await routed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(t => t.GetProperty("agencyType").GetString() == "legal-aid-centre").GetProperty("clockId").GetGuid();
        var leadClock = await StartAsync(lead, caseId);
        var secondClock = await StartAsync(lead, caseId);

        // The legal aid centre holds a task on the case, but the lead's clock is not its to tick off; its own is.
        using var legalAid = await factory.ClientAsAsync(factory.BaoanStaff(AgencyType.LegalAidCentre), "en");
        var refused = await legalAid.PostAsJsonAsync($"/api/v1/clocks/{leadClock}/complete", new { outcome = "已处理" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("step.not-owner");
        (await legalAid.PostAsJsonAsync($"/api/v1/clocks/{legalTaskClock}/complete", new { outcome = "已接收" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The lead completes its own; the district centre supervising the case may complete another's.
        (await lead.PostAsJsonAsync($"/api/v1/clocks/{leadClock}/complete", new { outcome = "已入住" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var centre = await factory.ClientAsAsync(factory.CentreAt("440306"), "en");
        (await centre.PostAsJsonAsync($"/api/v1/clocks/{secondClock}/complete", new { outcome = "中心核实已办结" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task AProbe_AnswersNotFound_AndLeavesATrace()
    {
        using var station = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceStation, "440304"), "en");
        var (lead, caseId) = await CaseWithPartiesAsync();
        using var _ = lead;
        var unknown = Guid.CreateVersion7();
        (await station.GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await station.GetAsync($"/api/v1/cases/{unknown}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await station.PostAsJsonAsync($"/api/v1/clocks/{unknown}/complete", new { outcome = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var probes = await QueryAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == "probe.not-found").Select(e => e.EntityId).ToListAsync());
        probes.ShouldContain(caseId.ToString());
        probes.ShouldContain(unknown.ToString());
    }

    private static async Task<Guid> StartAsync(HttpClient client, Guid caseId)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "shelter-stay", at = DateTimeOffset.UtcNow.ToString("O") });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<T> QueryAsync<T>(Func<LianhuDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LianhuDbContext>());
    }
}

public sealed class EnforcedPathTests_Sqlite(SqliteFactory factory) : EnforcedPathTests<SqliteFactory>(factory);

public sealed class EnforcedPathTests_Postgres(PostgresFactory factory) : EnforcedPathTests<PostgresFactory>(factory), IPostgresTests;
