using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using static Lianhu.Web.Tests.Features.Clocks.ClockTestHosts;

namespace Lianhu.Web.Tests.Features.Clocks;

/// <summary>Clocks on cases and the rule endpoints through the real host, with real sign-in, on each database.</summary>
public abstract class ClockApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private const string Baoan = "440306";
    private const string Futian = "440304";

    private DemoAccount Workstation => factory.Account(AgencyType.CommunityWorkstation, Baoan);

    private async Task<(HttpClient Client, Guid Case)> CaseAsync(string language = "en")
    {
        var client = await factory.ClientAsAsync(Workstation, language);
        return (client, await OpenCaseAsync(client, Workstation.Agency.Division.Value));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [ProviderFact]
    public async Task StartClock_ShowsRuleDueReadingSourceAndExplanation_InEnglish()
    {
        var (client, caseId) = await CaseAsync("en");
        using var _ = client;

        var clock = await StartClockAsync(client, caseId, new { rule = "po-ruling", at = "2026-03-02T10:00" });

        clock.GetProperty("rule").GetString().ShouldBe("po-ruling");
        clock.GetProperty("due").GetString().ShouldBe("2026-03-05T10:00:00+08:00");
        clock.GetProperty("lastDay").ValueKind.ShouldBe(JsonValueKind.Null);
        clock.GetProperty("reading").GetString().ShouldBe("exact-instant");
        clock.GetProperty("source").GetString().ShouldBe("ADVL Art 28");
        clock.GetProperty("explanation").GetString().ShouldBe("72 h from acceptance 2026-03-02 10:00 → due 2026-03-05 10:00 (ADVL Art 28)");
        clock.GetProperty("subjectType").GetString().ShouldBe("case");
        clock.GetProperty("subjectId").GetGuid().ShouldBe(caseId);
        clock.GetProperty("state").GetString().ShouldBe("pending");
        clock.GetProperty("overdue").GetBoolean().ShouldBeTrue("2026-03-05 is long past");
    }

    [ProviderFact]
    public async Task StartClock_InChinese_ExplainsInChinese_AndADayPeriodHasALastDay()
    {
        var (client, caseId) = await CaseAsync("zh-CN");
        using var _ = client;

        var clock = await StartClockAsync(client, caseId, new { rule = "po-reconsideration", at = "2026-09-28" });

        clock.GetProperty("lastDay").GetString().ShouldBe("2026-10-08");
        clock.GetProperty("due").GetString().ShouldBe("2026-10-09T00:00:00+08:00");
        clock.GetProperty("dueText").GetString().ShouldBe("2026-10-08 24:00");
        clock.GetProperty("source").GetString().ShouldBe("《反家庭暴力法》第31条");
        clock.GetProperty("explanation").GetString()!.ShouldContain("顺延至 2026-10-08");
    }

    [ProviderFact]
    public async Task StartClock_ForAProtectionOrder_KeepsTheSubject_AndTheChosenReading()
    {
        var (client, caseId) = await CaseAsync();
        using var _ = client;
        var order = Guid.CreateVersion7();

        var clock = await StartClockAsync(client, caseId, new
        {
            rule = "po-ruling",
            at = "2026-03-02T10:20",
            emergency = true,
            reading = "next-full-hour",
            subjectType = "protection-order",
            subjectId = order.ToString(),
        });

        clock.GetProperty("subjectType").GetString().ShouldBe("protection-order");
        clock.GetProperty("subjectId").GetGuid().ShouldBe(order);
        clock.GetProperty("due").GetString().ShouldBe("2026-03-03T11:00:00+08:00");
        clock.GetProperty("reading").GetString().ShouldBe("next-full-hour");
        clock.GetProperty("emergency").GetBoolean().ShouldBeTrue();
    }

    [ProviderFact]
    public async Task ListClocks_ShowsRunningClocksFirst_SoonestDueFirst()
    {
        var (client, caseId) = await CaseAsync();
        using var _ = client;
        var now = factory.Clock.GetUtcNow();
        var later = await StartClockAsync(client, caseId, new { rule = "warning-followup", at = Iso(now) });
        var sooner = await StartClockAsync(client, caseId, new { rule = "minor-green-channel", at = Iso(now) });

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks");

        list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([sooner.GetProperty("id").GetGuid(), later.GetProperty("id").GetGuid()]);
        list[0].GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [ProviderFact]
    public async Task InvalidStart_NamesEachField_InTheCallersLanguage()
    {
        var (client, caseId) = await CaseAsync("en");
        using var _ = client;

        var unknown = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-nothing", at = "yesterday" }), HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").GetProperty("rule")[0].GetString()!.ShouldContain("po-ruling");
        unknown.GetProperty("errors").GetProperty("at")[0].GetString()!.ShouldContain("2026-03-02T10:00");

        var months = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-validity", at = "2026-03-02", months = 7 }), HttpStatusCode.BadRequest);
        months.GetProperty("errors").GetProperty("months")[0].GetString().ShouldBe("Must be between 1 and 6.");

        var emergency = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-validity", at = "2026-03-02", emergency = true }), HttpStatusCode.BadRequest);
        emergency.GetProperty("errors").GetProperty("emergency")[0].GetString().ShouldBe("This rule has no emergency period.");

        var reading = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "shelter-stay", at = "2026-03-02", reading = "next-full-hour" }), HttpStatusCode.BadRequest);
        reading.GetProperty("errors").GetProperty("reading")[0].GetString()!.ShouldContain("days-exclusive-start-rollover");

        var future = Iso(factory.Clock.GetUtcNow().AddDays(1));
        var ahead = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-ruling", at = future }), HttpStatusCode.BadRequest);
        ahead.GetProperty("errors").GetProperty("at")[0].GetString()!.ShouldContain("future");

        var subject = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-ruling", at = "2026-03-02", subjectType = "protection-order" }), HttpStatusCode.BadRequest);
        subject.GetProperty("errors").GetProperty("subjectId")[0].GetString().ShouldBe("This field is required.");

        var zh = await factory.ClientAsAsync(Workstation, "zh-CN");
        using var __ = zh;
        var zhProblem = await ProblemAsync(await zh.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-validity", at = "2026-03-02", months = 7 }), HttpStatusCode.BadRequest);
        zhProblem.GetProperty("errors").GetProperty("months")[0].GetString().ShouldBe("期限须在 1 至 6 之间。");
    }

    [ProviderFact]
    public async Task OutsideTheCallersScope_EveryClockEndpointAnswers404()
    {
        var (owner, caseId) = await CaseAsync();
        using var _ = owner;
        var clock = await StartClockAsync(owner, caseId, new { rule = "minor-green-channel", at = Iso(factory.Clock.GetUtcNow()) });
        var clockId = clock.GetProperty("id").GetGuid();

        foreach (var stranger in new[] { factory.Account(AgencyType.PoliceBureau, Futian), factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin) })
        {
            using var client = await factory.ClientAsAsync(stranger);
            (await client.GetAsync($"/api/v1/cases/{caseId}/clocks")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", new { rule = "po-ruling", at = "2026-03-02" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"/api/v1/clocks/{clockId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.PostAsJsonAsync($"/api/v1/clocks/{clockId}/complete", new { outcome = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The district's linkage centre supervises the community: it sees the clock.
        using var centre = await factory.ClientAsAsync(factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == Baoan && a.Role == Role.Supervisor));
        (await centre.GetAsync($"/api/v1/clocks/{clockId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Complete_ThenCompleteAgain_Is409()
    {
        var (client, caseId) = await CaseAsync();
        using var _ = client;
        var clock = await StartClockAsync(client, caseId, new { rule = "shelter-stay", at = Iso(factory.Clock.GetUtcNow()) });
        var id = clock.GetProperty("id").GetGuid();

        var done = await client.PostAsJsonAsync($"/api/v1/clocks/{id}/complete", new { outcome = "已转入庇护所" });
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("completed");

        var again = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clocks/{id}/complete", new { outcome = "again" }), HttpStatusCode.Conflict);
        again.GetProperty("code").GetString().ShouldBe("clock.already-completed");

        var empty = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clocks/{id}/complete", new { outcome = "" }), HttpStatusCode.BadRequest);
        empty.GetProperty("errors").GetProperty("outcome")[0].GetString().ShouldBe("This field is required.");
    }

    [ProviderFact]
    public async Task Complete_AfterTheBreach_Is409_AndTheBreachStands()
    {
        var (client, caseId) = await CaseAsync();
        using var _ = client;
        var clock = await StartClockAsync(client, caseId, new { rule = "community-placement", at = Iso(factory.Clock.GetUtcNow()) });
        var id = clock.GetProperty("id").GetGuid();
        factory.Clock.Advance(TimeSpan.FromHours(24));

        var overdue = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clocks/{id}/complete", new { outcome = "late" }), HttpStatusCode.Conflict);
        overdue.GetProperty("code").GetString().ShouldBe("clock.overdue");

        await SweepAsync(factory.Services);
        var breached = await ProblemAsync(await client.PostAsJsonAsync($"/api/v1/clocks/{id}/complete", new { outcome = "late" }), HttpStatusCode.Conflict);
        breached.GetProperty("code").GetString().ShouldBe("clock.already-breached");
        breached.GetProperty("detail").GetString()!.ShouldContain("breach");

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{id}");
        read.GetProperty("state").GetString().ShouldBe("breached");
        read.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await BreachesAsync(factory.Services, id)).ShouldBe(1);
    }

    [ProviderFact]
    public async Task StartAndRead_AreAudited()
    {
        var (client, caseId) = await CaseAsync();
        using var _ = client;
        var id = (await StartClockAsync(client, caseId, new { rule = "po-ruling", at = "2026-03-02T10:00" })).GetProperty("id").GetGuid();
        await client.GetAsync($"/api/v1/clocks/{id}");

        (await AuditsAsync(factory.Services, "clock.start", id)).ShouldBe(1);
        (await AuditsAsync(factory.Services, "clock.read", id)).ShouldBe(1);
    }

    [ProviderFact]
    public async Task ClockRules_ListsEveryRule_AndComputeAnswersTheCliJson()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");

        var rules = await client.GetFromJsonAsync<JsonElement>("/api/v1/clock-rules");
        rules.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain("po-reconsideration");
        rules[0].EnumerateObject().Take(5).Select(p => p.Name).ShouldBe(["id", "unit", "amount", "source", "description"]);

        var response = await client.PostAsJsonAsync("/api/v1/clock-rules/po-ruling/compute", new { at = "2026-03-02T10:00:00+08:00" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith(
            """{"rule":"po-ruling","due":"2026-03-05T10:00:00+08:00","last_day":null,"reading":"exact-instant","source":"《反家庭暴力法》第28条 / ADVL Art 28",""");

        var validity = await client.PostAsJsonAsync("/api/v1/clock-rules/po-validity/compute", new { at = "2026-08-31", months = 6 });
        (await validity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("last_day").GetString().ShouldBe("2027-02-28");
    }

    [ProviderFact]
    public async Task Compute_BadInput_Is400NamingTheField()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");

        var unknown = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/clock-rules/po-nothing/compute", new { at = "2026-03-02" }), HttpStatusCode.BadRequest);
        unknown.GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("po-ruling");

        var months = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/clock-rules/po-validity/compute", new { at = "2026-03-02", months = 7 }), HttpStatusCode.BadRequest);
        months.GetProperty("errors").GetProperty("months").GetArrayLength().ShouldBe(1);

        var at = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/clock-rules/po-ruling/compute", new { at = "03/02/2026" }), HttpStatusCode.BadRequest);
        at.GetProperty("errors").GetProperty("at").GetArrayLength().ShouldBe(1);
    }

    [ProviderFact]
    public async Task WithoutAToken_ClockEndpointsAnswer401()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/clock-rules")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/clock-rules/po-ruling/compute", new { at = "2026-03-02" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync($"/api/v1/cases/{Guid.CreateVersion7()}/clocks")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync($"/api/v1/clocks/{Guid.CreateVersion7()}/complete", new { outcome = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class ClockApiTests_Sqlite(ClockSqliteFactory factory) : ClockApiTests<ClockSqliteFactory>(factory);

public sealed class ClockApiTests_Postgres(ClockPostgresFactory factory) : ClockApiTests<ClockPostgresFactory>(factory), IPostgresTests;
