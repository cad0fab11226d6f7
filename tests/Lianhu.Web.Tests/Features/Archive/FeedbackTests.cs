using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Archive;

/// <summary>Feedback to whoever reported (issue 8 item 4): reporters see status only; agencies that held a task get the outcome of their referral.</summary>
public abstract class FeedbackTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Baoan = IntakeCalls.Baoan;

    [ProviderFact]
    public async Task Reporter_SeesHandledAndClosed_ThenReopened_AndNothingOfTheCase()
    {
        var reporterAccount = factory.Account(AgencyType.School, Baoan, Role.Reporter);
        var town = reporterAccount.Agency.Division.Value;
        var station = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.PoliceStation && a.Agency.Division.Value == town && a.Role == Role.Caseworker);
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(town, StringComparison.Ordinal)).Division.Value;
        using var reporter = await factory.ClientAsAsync(reporterAccount, "en");
        var filed = await reporter.IntakeAsync(new
        {
            channel = "mandatory-report",
            summary = "家长身上有伤，孩子说父亲打母亲",
            divisionCode = community,
            parties = new object[]
            {
                new { role = "victim", name = "欧阳春梅", birthDate = "1986-03-04", sex = "female" },
                new { role = "respondent", name = "欧阳大伟" },
                new { role = "reporter", name = "许老师", phone = TestIdentities.Mobile() },
            },
        });
        filed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await filed.Content.ReadFromJsonAsync<JsonElement>()).Id();

        using var police = await factory.ClientAsAsync(station);
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, Baoan, Role.Supervisor));
        await ClosedCases.CloseAsync(police, centre, id, "已出具告诫书，回访安全", "protection-in-place");

        var raw = await (await reporter.GetAsync($"/api/v1/reports/{id}")).Content.ReadAsStringAsync();
        JsonSerializer.Deserialize<JsonElement>(raw).GetProperty("status").GetString().ShouldBe("closed");
        foreach (var secret in new[] { "欧阳", "告诫书", "protection-in-place", "summary", "outcome" })
        {
            raw.ShouldNotContain(secret);
        }

        using var ui = await Assessments.UiSession.SignInAsync(factory, reporterAccount);
        var page = await ui.Client.GetStringAsync("/reports");
        page.ShouldContain("Handled and closed");
        page.ShouldNotContain("欧阳");
        page.ShouldNotContain("告诫书");
        page.ShouldNotContain("Protective measures");

        (await police.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = "再次接到报告" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reporter.JsonAsync($"/api/v1/reports/{id}")).GetProperty("status").GetString().ShouldBe("reopened");
        (await ui.Client.GetStringAsync("/reports")).ShouldContain("Being handled again");
        (await reporter.JsonAsync("/api/v1/feedback")).GetArrayLength().ShouldBe(0);
    }

    [ProviderFact]
    public async Task TaskHolder_GetsTheClosureOutcomeAndItsOwnResult_NotOtherAgenciesWork()
    {
        var station = factory.PoliceStation();
        var community = factory.CommunityOf(station);
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value == community && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(station, "en");
        var opened = await lead.OpenAsync(new { channel = "walk-in", summary = "邻里纠纷引发家庭冲突", divisionCode = community });
        var id = opened.Id();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", version = 1, yes = new[] { 1 }, at = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var tasks = (await lead.JsonAsync($"/api/v1/cases/{id}/tasks")).EnumerateArray().ToList();
        var mine = tasks.Single(t => t.GetProperty("agencyId").GetGuid() == workstation.Agency.Id);

        using var holder = await factory.ClientAsAsync(workstation, "en");
        (await holder.PostAsync($"/api/v1/tasks/{mine.Id()}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await holder.PostAsJsonAsync($"/api/v1/tasks/{mine.Id()}/complete", new { outcome = "调解达成协议" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var other in tasks.Where(t => t.Id() != mine.Id() && t.GetProperty("status").GetString() is "created" or "accepted" or "in-progress"))
        {
            (await lead.PostAsJsonAsync($"/api/v1/tasks/{other.Id()}/cancel", new { reason = "由首问单位直接处置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The low-risk plan's one return visit is the final visit closure waits for.
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/visits", new { method = "phone", outcome = "safe" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await holder.JsonAsync("/api/v1/feedback")).EnumerateArray().ShouldNotContain(f => f.GetProperty("caseId").GetGuid() == id);
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, Baoan, Role.Supervisor));
        await ClosedCases.CloseAsync(lead, centre, id, "家庭矛盾已化解，回访安全", "violence-stopped");

        var raw = await (await holder.GetAsync("/api/v1/feedback")).Content.ReadAsStringAsync();
        var item = JsonSerializer.Deserialize<JsonElement>(raw).EnumerateArray().Single(f => f.GetProperty("caseId").GetGuid() == id);
        item.GetProperty("outcome").GetString().ShouldBe("violence-stopped");
        item.GetProperty("relation").GetString().ShouldBe("task-holder");
        var result = item.GetProperty("tasks").EnumerateArray().Single();
        result.GetProperty("status").GetString().ShouldBe("completed");
        result.GetProperty("outcome").GetString().ShouldBe("调解达成协议");
        raw.ShouldNotContain("家庭矛盾已化解");
        raw.ShouldNotContain("由首问单位直接处置");

        using var ui = await Assessments.UiSession.SignInAsync(factory, workstation);
        var inbox = await ui.Client.GetStringAsync("/inbox");
        inbox.ShouldContain(opened.GetProperty("number").GetString()!);
        inbox.ShouldContain("Violence stopped, family stable");

        using var unrelated = await factory.ClientAsAsync(factory.Account(AgencyType.CommunityWorkstation, "440305"));
        (await unrelated.JsonAsync("/api/v1/feedback")).EnumerateArray().ShouldNotContain(f => f.GetProperty("caseId").GetGuid() == id);
        (await lead.JsonAsync("/api/v1/feedback")).EnumerateArray().ShouldNotContain(f => f.GetProperty("caseId").GetGuid() == id);
    }
}

public sealed class FeedbackTests_Sqlite(SqliteFactory factory) : FeedbackTests<SqliteFactory>(factory);

public sealed class FeedbackTests_Postgres(PostgresFactory factory) : FeedbackTests<PostgresFactory>(factory), IPostgresTests;
