using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Tests.Features.Search;

/// <summary>Case search (issue 14 item 1): one box, filters, scope in the query, sections per match, audited without the term.</summary>
public abstract class CaseSearchTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Lead => factory.Workstation();

    private async Task<(HttpClient Client, JsonElement Case, string VictimId, string Phone, string Name)> OpenAsync(string name, string address)
    {
        var client = await factory.ClientAsAsync(Lead, "en");
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var phone = TestIdentities.Mobile();
        var opened = await client.OpenAsync(new
        {
            channel = "hotline",
            summary = "丈夫多次殴打",
            divisionCode = Lead.Agency.Division.Value,
            address,
            parties = new object[]
            {
                new { role = "victim", name, idNumber = victimId, phone },
                new { role = "respondent", name = "施暴者" + Guid.NewGuid().ToString("N")[..4] },
            },
        });
        return (client, opened, victimId, phone, name);
    }

    private static async Task<List<JsonElement>> HitsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/cases/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return [.. JsonSerializer.Deserialize<JsonElement>(body).GetProperty("items").EnumerateArray()];
    }

    [ProviderFact]
    public async Task FindsACase_ByNumber_IdNumber_Phone_Name_AndAddress_WithTheVictimsName()
    {
        var address = $"宝安区新安街道查找路 {Random.Shared.Next(1, 999)} 号 {Random.Shared.Next(100, 2999)}";
        var (client, opened, victimId, phone, name) = await OpenAsync("司马秀兰", address);
        using var _ = client;
        var id = opened.Id();
        var number = opened.GetProperty("number").GetString()!;

        foreach (var (query, on) in new[]
        {
            ("q=" + number.ToLowerInvariant(), "number"),
            ("q=" + victimId, "id-number"),
            ("q=" + Uri.EscapeDataString(phone), "phone"),
            ("q=" + Uri.EscapeDataString("司馬秀蘭"), "name"),
            ("q=" + Uri.EscapeDataString(address), "address"),
        })
        {
            var hit = (await HitsAsync(client, query)).ShouldHaveSingleItem(query);
            hit.Id().ShouldBe(id);
            hit.GetProperty("matchedOn").GetString().ShouldBe(on, query);
            hit.GetProperty("victimName").GetString().ShouldBe(name);
            hit.GetProperty("number").GetString().ShouldBe(number);
        }

        // Filters narrow; a filter that excludes the case drops it.
        (await HitsAsync(client, $"q={victimId}&status=open&channel=hotline")).ShouldHaveSingleItem();
        (await HitsAsync(client, $"q={victimId}&channel=police-110")).ShouldBeEmpty();
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        (await HitsAsync(client, $"q={victimId}&from={Uri.EscapeDataString(today)}&to={Uri.EscapeDataString(today)}")).ShouldHaveSingleItem();
        (await HitsAsync(client, $"q={victimId}&to=2001-01-01")).ShouldBeEmpty();
        (await HitsAsync(client, $"q={victimId}&division={Lead.Agency.Division.Value}")).ShouldHaveSingleItem();
        (await HitsAsync(client, $"q={victimId}&risk=high")).ShouldBeEmpty();
        (await HitsAsync(client, $"q={victimId}&overdue=true")).ShouldBeEmpty();
        (await HitsAsync(client, $"q={victimId}&overdue=false")).ShouldHaveSingleItem();
    }

    [ProviderFact]
    public async Task AnotherDistrict_FindsNothing_AndRolesWithoutCaseContentFindNothing()
    {
        var (client, opened, victimId, phone, _) = await OpenAsync("东方玉梅", "宝安区新安街道某路 1 号");
        using var _ = client;
        var number = opened.GetProperty("number").GetString()!;
        using var other = await factory.ClientAsAsync(factory.Account(AgencyType.CommunityWorkstation, "440305"), "en");
        foreach (var q in new[] { number, victimId, phone, "东方玉梅" })
        {
            var response = await other.GetAsync("/api/v1/cases/search?q=" + Uri.EscapeDataString(q));
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            body.ShouldNotContain(number);
            JsonSerializer.Deserialize<JsonElement>(body).GetProperty("total").GetInt32().ShouldBe(0);
        }

        using var statistician = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Lianhu.Domain.Access.Role.Statistician), "en");
        (await HitsAsync(statistician, "q=" + victimId)).ShouldBeEmpty();
        (await HitsAsync(statistician, "")).ShouldBeEmpty();

        // The district's centre, which supervises the case's division, finds it.
        using var centre = await factory.ClientAsAsync(factory.CentreAt(Lead.Agency.Division.Value[..6], Lianhu.Domain.Access.Role.Supervisor), "en");
        (await HitsAsync(centre, "q=" + victimId)).ShouldContain(h => h.Id() == opened.Id());
    }

    [ProviderFact]
    public async Task AConsentLimitedBody_FindsTheCaseByNumber_ButNotByTheVictimsNameOrId()
    {
        var (lead, opened, victimId, _, name) = await OpenAsync("慕容秀英", "宝安区新安街道某路 2 号");
        using var _ = lead;
        var caseId = opened.Id();
        using var counsellor = await factory.CounsellingOnlyConsentAsync(lead, caseId);

        var byNumber = (await HitsAsync(counsellor, "q=" + opened.GetProperty("number").GetString())).ShouldHaveSingleItem();
        byNumber.GetProperty("victimName").ValueKind.ShouldBe(JsonValueKind.Null);
        (await HitsAsync(counsellor, "q=" + victimId)).ShouldBeEmpty();
        (await HitsAsync(counsellor, "q=" + Uri.EscapeDataString(name))).ShouldBeEmpty();
    }

    [ProviderFact]
    public async Task ASearchByPerson_IsAudited_WithoutTheTerm()
    {
        var (client, _, victimId, _, _) = await OpenAsync("上官秀珍", "宝安区新安街道某路 3 号");
        using var _ = client;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var earlier = (await db.AuditEvents.AsNoTracking().Where(e => e.Action == "case.search").Select(e => e.Id).ToListAsync()).ToHashSet();
        (await HitsAsync(client, "q=" + victimId)).ShouldHaveSingleItem();
        var mine = (await db.AuditEvents.AsNoTracking().Where(e => e.Action == "case.search").ToListAsync()).Where(e => !earlier.Contains(e.Id)).ToList();
        mine.ShouldNotBeEmpty();
        mine.ShouldAllBe(e => e.Section == "identity");
        mine.ShouldAllBe(e => e.Reason == null && e.EntityId == null);
    }

    [ProviderFact]
    public async Task BadFilters_AreFieldErrors_InTheUsersLanguage()
    {
        using var client = await factory.ClientAsAsync(Lead, "zh-CN");
        var problem = await (await client.GetAsync("/api/v1/cases/search?from=明天&to=2026-02-30&status=lost&risk=extreme&pageSize=1000&overdue=maybe&sort=x&lead=abc&division=12")).ProblemAsync();
        foreach (var field in new[] { "from", "to", "status", "risk", "pageSize", "overdue", "sort", "lead", "division" })
        {
            problem.Error(field).ShouldNotBeNullOrWhiteSpace(field);
        }

        problem.Error("from").ShouldContain("日期");
        var reversed = await (await client.GetAsync("/api/v1/cases/search?from=2026-03-02&to=2026-03-01")).ProblemAsync();
        reversed.Error("to").ShouldContain("早于");
        (await client.GetAsync("/api/v1/cases/search?q=" + new string('王', 201))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/cases/search?q=%E2%80%AE%E7%8E%8B")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task TheSearchPage_AndTheHeaderBox_FindTheCase_InOneStep()
    {
        var (client, opened, victimId, _, name) = await OpenAsync("欧阳玉兰", "宝安区新安街道某路 4 号");
        using var _ = client;
        using var ui = await Assessments.UiSession.SignInAsync(factory, Lead, "zh-CN");
        var cases = await ui.Client.GetStringAsync("/cases");
        cases.ShouldContain("data-testid=\"header-search\"");
        var page = await ui.Client.GetStringAsync("/search?q=" + victimId);
        page.ShouldContain($"href=\"cases/{opened.Id()}\"");
        page.ShouldContain(name);
        page.ShouldContain("身份证号");
        var bad = await ui.Client.GetStringAsync("/search?from=notadate");
        bad.ShouldContain("data-testid=\"error-from\"");
    }
}

public sealed class CaseSearchTests_Sqlite(SqliteFactory factory) : CaseSearchTests<SqliteFactory>(factory);

public sealed class CaseSearchTests_Postgres(PostgresFactory factory) : CaseSearchTests<PostgresFactory>(factory), IPostgresTests;
