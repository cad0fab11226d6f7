using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Archive;

/// <summary>The special family archive (issue 8 item 5): households, scope, the archive at intake, reopening with history.</summary>
public abstract partial class ArchiveTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Worker => factory.Account(AgencyType.CommunityWorkstation, "440304");

    private DemoAccount Centre => factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor);

    private DemoAccount OtherDistrict => factory.Account(AgencyType.CommunityWorkstation, "440305");

    private static object Intake(string division, string summary, string victimId, string respondent) => new
    {
        channel = "walk-in",
        summary,
        divisionCode = division,
        parties = new object[]
        {
            new { role = "victim", name = "周秀兰", idNumber = victimId },
            new { role = "respondent", name = respondent },
        },
    };

    [ProviderFact]
    public async Task ClosedCase_IsArchivedByHousehold_ShownAtANewIntake_CountedElsewhere_AndLeavesWhenReopened()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        using var centre = await factory.ClientAsAsync(Centre);
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var first = await lead.OpenAsync(Intake(Worker.Agency.Division.Value, "丈夫多次推搡", victimId, "吴建军"));
        await ClosedCases.CloseAsync(lead, centre, first.Id(), "双方接受调解，回访安全", "violence-stopped");
        var number = first.GetProperty("number").GetString()!;

        var found = (await lead.JsonAsync($"/api/v1/archive/households?q={number}")).EnumerateArray().ToList();
        found.Count.ShouldBe(1);
        found[0].GetProperty("numbers").EnumerateArray().Select(n => n.GetString()).ShouldBe([number]);
        (await lead.JsonAsync($"/api/v1/archive/households?q={victimId}")).EnumerateArray().ShouldContain(h => h.Id() == first.Id());

        // A new intake with the same victim (linked by ID number) shows the archive with a reopen action for the lead.
        var second = await lead.OpenAsync(Intake(Worker.Agency.Division.Value, "又一次被打", victimId, "吴建军"));
        var household = await lead.JsonAsync($"/api/v1/archive/households/{second.Id()}");
        var entry = household.GetProperty("closed").EnumerateArray().Single();
        entry.GetProperty("caseId").GetGuid().ShouldBe(first.Id());
        entry.GetProperty("outcome").GetString().ShouldBe("violence-stopped");
        entry.GetProperty("closureSummary").GetString().ShouldBe("双方接受调解，回访安全");
        entry.GetProperty("canReopen").GetBoolean().ShouldBeTrue();
        entry.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("吴建军");
        household.GetProperty("closedElsewhere").GetInt32().ShouldBe(0);
        household.GetProperty("openCases").GetInt32().ShouldBe(1);

        // Another district's unit with the same victim learns only that a closed record exists elsewhere.
        using var other = await factory.ClientAsAsync(OtherDistrict, "en");
        var third = await other.OpenAsync(Intake(OtherDistrict.Agency.Division.Value, "邻区报案", victimId, "吴建军"));
        var response = await other.GetAsync($"/api/v1/archive/households/{third.Id()}");
        var raw = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenElsewhere = JsonSerializer.Deserialize<JsonElement>(raw);
        seenElsewhere.GetProperty("closed").GetArrayLength().ShouldBe(0);
        seenElsewhere.GetProperty("closedElsewhere").GetInt32().ShouldBe(1);
        raw.ShouldNotContain(number);
        raw.ShouldNotContain("双方接受调解");
        (await other.GetAsync($"/api/v1/archive/households/{first.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.JsonAsync($"/api/v1/archive/households?q={number}")).GetArrayLength().ShouldBe(0);
        (await other.PostAsJsonAsync($"/api/v1/cases/{first.Id()}/reopen", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Reopening keeps the history, shows on the timeline, and the archive no longer lists the case as closed.
        (await lead.PostAsJsonAsync($"/api/v1/cases/{first.Id()}/reopen", new { reason = "同一家庭再次发生暴力" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var timeline = (await lead.JsonAsync($"/api/v1/cases/{first.Id()}/timeline")).EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["opened", "closed", "reopened"]);
        timeline[1].GetProperty("detail").GetString().ShouldBe("violence-stopped");
        timeline[2].GetProperty("note").GetString().ShouldBe("同一家庭再次发生暴力");
        var after = await lead.JsonAsync($"/api/v1/archive/households/{second.Id()}");
        after.GetProperty("closed").GetArrayLength().ShouldBe(0);
        after.GetProperty("openCases").GetInt32().ShouldBe(2);
        (await lead.JsonAsync($"/api/v1/archive/households?q={number}")).GetArrayLength().ShouldBe(0);
        (await other.JsonAsync($"/api/v1/archive/households/{third.Id()}")).GetProperty("closedElsewhere").GetInt32().ShouldBe(0);
    }

    [ProviderFact]
    public async Task Closure_RejectsAnUnknownOutcomeCategory_AndAReporterCannotUseTheArchive()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        var opened = await lead.OpenAsync(Intake(Worker.Agency.Division.Value, "结案类别校验", TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true), "钱某"));
        var refused = await lead.PostAsJsonAsync($"/api/v1/cases/{opened.Id()}/close", new { summary = "已处置", outcome = "all-good" });
        (await refused.ProblemAsync()).Error("outcome").ShouldContain("violence-stopped");

        using var reporter = await factory.ClientAsAsync(factory.Account(AgencyType.School, "440304", Role.Reporter));
        (await reporter.JsonAsync("/api/v1/archive/households")).GetArrayLength().ShouldBe(0);
        (await reporter.GetAsync($"/api/v1/archive/households/{opened.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ArchiveNotice_OnANewIntakePage_ReopensTheArchivedCaseForThatIncident()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        using var centre = await factory.ClientAsAsync(Centre);
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var first = await lead.OpenAsync(Intake(Worker.Agency.Division.Value, "首次事件", victimId, "郑某"));
        await ClosedCases.CloseAsync(lead, centre, first.Id(), "已处置完毕", "protection-in-place");
        var second = await lead.OpenAsync(Intake(Worker.Agency.Division.Value, "再次事件", victimId, "郑某"));

        using var ui = await Assessments.UiSession.SignInAsync(factory, Worker);
        var page = await ui.Client.GetStringAsync($"/cases/{second.Id()}");
        page.ShouldContain("data-testid=\"archive-panel\"");
        page.ShouldContain(first.GetProperty("number").GetString()!);
        var token = WebUtility.HtmlDecode(Token().Match(page, page.IndexOf($"ui/archive/{first.Id()}/reopen", StringComparison.Ordinal)).Groups[1].Value);
        using (var empty = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("incident", second.Id().ToString()), new("reason", "")]))
        {
            var refused = await ui.Client.PostAsync($"/ui/archive/{first.Id()}/reopen", empty);
            refused.Headers.Location!.ToString().ShouldBe($"/cases/{second.Id()}?archive=reason-required#archive");
        }

        using (var reason = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("incident", second.Id().ToString()), new("reason", "新事件")]))
        {
            var posted = await ui.Client.PostAsync($"/ui/archive/{first.Id()}/reopen", reason);
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            posted.Headers.Location!.ToString().ShouldBe($"/cases/{first.Id()}?reopened=1");
        }

        var reopened = (await lead.JsonAsync($"/api/v1/cases/{first.Id()}/timeline")).EnumerateArray().Last();
        reopened.GetProperty("kind").GetString().ShouldBe("reopened");
        reopened.GetProperty("detail").GetString().ShouldBe("incident=" + second.GetProperty("number").GetString());
        (await ui.Client.GetStringAsync($"/cases/{first.Id()}?reopened=1")).ShouldContain("data-testid=\"reopened\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class ArchiveTests_Sqlite(SqliteFactory factory) : ArchiveTests<SqliteFactory>(factory);

public sealed class ArchiveTests_Postgres(PostgresFactory factory) : ArchiveTests<PostgresFactory>(factory), IPostgresTests;
