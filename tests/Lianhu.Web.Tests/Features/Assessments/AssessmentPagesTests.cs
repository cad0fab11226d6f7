using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianhu.Web.Tests.Features.Instruments.TestScales;

namespace Lianhu.Web.Tests.Features.Assessments;

/// <summary>The assessments panel on the case page and the instrument admin pages, through cookie sign-in and real form posts.</summary>
public abstract class AssessmentPagesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Workstation => factory.Account(AgencyType.CommunityWorkstation, "440306");

    private DemoAccount Admin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    [ProviderFact]
    public async Task CasePage_RecordsAnAssessmentFromTheForm_AndShowsItWithTheTrend()
    {
        var caseId = await OpenCaseAsync();
        using var ui = await UiSession.SignInAsync(factory, Workstation);
        var page = await ui.Client.GetStringAsync($"/cases/{caseId}?instrument=dash-ric");
        page.ShouldContain("data-testid=\"assessments\"");
        page.ShouldContain("No risk assessment yet.");
        page.ShouldContain("name=\"Input.Answers[24]\"");

        var answers = Enumerable.Range(1, 14).Select(n => new KeyValuePair<string, string>($"Input.Answers[{n}]", "yes"))
            .Concat(Enumerable.Range(16, 9).Select(n => new KeyValuePair<string, string>($"Input.Answers[{n}]", "no")));
        var response = await ui.PostFormAsync($"/cases/{caseId}", page, "assess-case",
            [new("Input.Instrument", "dash-ric"), new("Input.Version", "1"), new("Input.At", "2025-06-15"), new("Input.Answers[15]", "unknown"), .. answers]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain($"/cases/{caseId}?assessed=1");
        var after = await ui.Client.GetStringAsync($"/cases/{caseId}?assessed=1");
        after.ShouldContain("data-testid=\"assessment-recorded\"");
        after.ShouldContain("data-testid=\"assessment-row\"");
        after.ShouldContain("data-testid=\"assessment-trend\"");
        after.ShouldContain("<svg");
        after.ShouldContain("Visible high risk");
        after.ShouldContain("2025-06-22"); // reassessment due: high → 7 days
        System.Text.RegularExpressions.Regex.Matches(after, "<script(?![^>]*\\ssrc=)").ShouldBeEmpty("no inline script (CSP)");
        after.ShouldNotContain(" style=\"");

        using var api = await factory.ClientAsAsync(Workstation);
        var stored = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments"))[0];
        stored.GetProperty("score").GetInt32().ShouldBe(14);
        stored.GetProperty("unknown").GetInt32().ShouldBe(1);
        stored.GetProperty("level").GetString().ShouldBe("high");
    }

    [ProviderFact]
    public async Task CasePage_ShowsFieldErrors_AndKeepsTheAnswers()
    {
        var caseId = await OpenCaseAsync();
        using var ui = await UiSession.SignInAsync(factory, Workstation);
        var page = await ui.Client.GetStringAsync($"/cases/{caseId}?instrument=dash-ric");

        var response = await ui.PostFormAsync($"/cases/{caseId}", page, "assess-case",
            [new("Input.Instrument", "dash-ric"), new("Input.Version", "1"), new("Input.Judgement", "high"),
                .. Enumerable.Range(1, 24).Select(n => new KeyValuePair<string, string>($"Input.Answers[{n}]", n == 3 ? "yes" : "no"))]);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"errors\"");
        html.ShouldContain("Reason for the judgement: a reason is required with a professional judgement");
        html.ShouldContain("id=\"answer-3-yes\" name=\"Input.Answers[3]\" value=\"yes\" checked");
    }

    [ProviderFact]
    public async Task AnUntouchedForm_RecordsNothing_AndNamesTheUnansweredItems()
    {
        var caseId = await OpenCaseAsync();
        using var ui = await UiSession.SignInAsync(factory, Workstation, "zh-CN");
        var page = await ui.Client.GetStringAsync($"/cases/{caseId}?instrument=dash-ric");
        page.ShouldNotContain("value=\"no\" checked", customMessage: "no item starts answered");

        var response = await ui.PostFormAsync($"/cases/{caseId}", page, "assess-case",
            [new("Input.Instrument", "dash-ric"), new("Input.Version", "1"), .. Enumerable.Range(1, 22).Select(n => new KeyValuePair<string, string>($"Input.Answers[{n}]", "no"))]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("第 23、24 项尚未回答");
        html.ShouldNotContain("data-testid=\"assessment-recorded\"");
        using var api = await factory.ClientAsAsync(Workstation);
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().ShouldBe(0);
    }

    [ProviderFact]
    public async Task ClosedCase_ShowsNoAssessmentForm()
    {
        var caseId = await OpenCaseAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var toClose = await db.Cases.SingleAsync(c => c.Id == caseId);
            toClose.RequestClosure(Guid.NewGuid(), "test closure", 1, DateTimeOffset.UtcNow);
            toClose.ApproveClosure(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        using var ui = await UiSession.SignInAsync(factory, Workstation);
        var page = await ui.Client.GetStringAsync($"/cases/{caseId}");

        page.ShouldContain("data-testid=\"assessment-closed\"");
        page.ShouldNotContain("assess-case");
    }

    [ProviderFact]
    public async Task AdminPages_ListShowAndPublishALocalScale_FromTheStructuredForm()
    {
        using var ui = await UiSession.SignInAsync(factory, Admin);
        (await ui.Client.GetStringAsync("/admin/instruments")).ShouldContain("admin/instruments/dash-ric");
        var detail = await ui.Client.GetStringAsync("/admin/instruments/dash-ric?version=1");
        detail.ShouldContain("Tried to strangle, choke, suffocate or drown");
        detail.ShouldContain("3 incidents within 12 months");
        (await ui.Client.GetStringAsync("/admin/instruments/dash-ric/revise")).ShouldContain("name=\"Input.Items[23].TextEn\"");

        var id = NewId("form-scale");
        var page = await ui.Client.GetStringAsync("/admin/instruments/new");
        KeyValuePair<string, string>[] fields =
        [
            new("Input.Id", id), new("Input.NameZh", "表单量表"), new("Input.NameEn", "Form scale"), new("Input.Source", "City policy 2026"),
            new("Input.IsLocalPolicy", "true"), new("Input.LocalPolicyNote", "Set by the city centre."), new("Input.ScoringKind", "weights"),
            new("Input.Items[0].Key", "threat"), new("Input.Items[0].TextZh", "威胁"), new("Input.Items[0].TextEn", "Threats"), new("Input.Items[0].Weight", "2"),
            new("Input.Items[1].TextZh", "掐脖"), new("Input.Items[1].TextEn", "Strangling"), new("Input.Items[1].Weight", "1"), new("Input.Items[1].ForcesLevel", "high"),
            new("Input.Items[2].Key", ""), new("Input.Items[2].TextZh", ""), new("Input.Items[2].TextEn", ""),
            new("Input.Bands[0].Level", "low"), new("Input.Bands[0].Min", "0"), new("Input.Bands[0].Max", "1"), new("Input.Bands[0].LabelZh", "低"), new("Input.Bands[0].LabelEn", "Low"), new("Input.Bands[0].CommonLevel", "low"),
            new("Input.Bands[1].Level", "high"), new("Input.Bands[1].Min", "2"), new("Input.Bands[1].LabelZh", "高"), new("Input.Bands[1].LabelEn", "High"), new("Input.Bands[1].CommonLevel", "high"),
            new("Input.EscalationIncidents", "3"), new("Input.EscalationMonths", "6"), new("Input.ProfessionalJudgementAllowed", "true"),
        ];

        var gap = await ui.PostFormAsync("/admin/instruments/new", page, "instrument-editor", fields.Select(f => f.Key == "Input.Bands[1].Min" ? new(f.Key, "3") : f));
        gap.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gap.Content.ReadAsStringAsync()).ShouldContain("bands[1].min: leaves a gap");

        var published = await ui.PostFormAsync("/admin/instruments/new", page, "instrument-editor", fields);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        published.Headers.Location!.ToString().ShouldContain($"/admin/instruments/{id}?version=1&published=1");

        using var api = await factory.ClientAsAsync(Workstation);
        var definition = await DefinitionAsync(api, id);
        definition["items"]![1]!["key"]!.GetValue<string>().ShouldBe("item_2");
        definition["items"]!.AsArray().Count.ShouldBe(2);
        definition["criteria"]!["potentialEscalation"]!["months"]!.GetValue<int>().ShouldBe(6);
        var score = await api.PostAsJsonAsync($"/api/v1/instruments/{id}/score", new { yes = new[] { 2 } });
        (await score.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("level").GetString().ShouldBe("high");
    }

    [ProviderFact]
    public async Task AdminPages_AreClosedToStaffWhoMayNotPublish()
    {
        using var ui = await UiSession.SignInAsync(factory, Workstation);

        var response = await ui.Client.GetAsync("/admin/instruments");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await ui.Client.GetAsync("/admin/instruments/new")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private async Task<Guid> OpenCaseAsync()
    {
        using var client = await factory.ClientAsAsync(Workstation);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "页面测试", divisionCode = Workstation.Agency.Division.Value });
        return (await CreatedAsync(response)).GetProperty("id").GetGuid();
    }
}

public sealed class AssessmentPagesTests_Sqlite(SqliteFactory factory) : AssessmentPagesTests<SqliteFactory>(factory);

public sealed class AssessmentPagesTests_Postgres(PostgresFactory factory) : AssessmentPagesTests<PostgresFactory>(factory), IPostgresTests;
