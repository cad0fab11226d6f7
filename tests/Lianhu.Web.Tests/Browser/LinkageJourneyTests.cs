using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The linkage on the case page in a real browser: (a) a community workstation asks the police
/// station to take over as lead; the station, in a second browser context, finds it in its inbox
/// and accepts on the case; the case shows the new lead and both events on its timeline. (b) The
/// district centre's supervisor calls a conference from the case page, records attendance, minutes
/// and one decision, and the decision is a task for its owner agency, in that agency's inbox.
/// Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class LinkageJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    private DemoAccount Station => factory.Station();

    private DemoAccount Workstation => factory.Workstation();

    [BrowserFact]
    public async Task TheLeadRequestsATransfer_TheStationAcceptsInItsOwnBrowser_AndTheCaseShowsTheNewLead()
    {
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var lead = await session.SignInAsync(factory.BaseAddress, Workstation, "en");
        await lead.GotoAsync($"{factory.BaseAddress}/cases/new");
        await lead.SelectOptionAsync("#channel", "walk-in");
        await lead.SelectOptionAsync("#division", Workstation.Agency.Division.Value);
        await lead.FillAsync("#summary", "浏览器测试：移交牵头");
        await lead.ClickAsync("[data-testid=open-case-submit]");
        await lead.WaitForSelectorAsync("[data-testid=opened]");
        var caseUrl = lead.Url.Split('?')[0];

        await lead.ClickAsync("#linkage summary:has-text('Request a lead transfer')");
        await lead.SelectOptionAsync("#transfer-agency", Station.Agency.Id.ToString());
        await lead.FillAsync("#transfer-reason", "Suspected offence: the police station should lead.");
        await lead.ClickAsync("[data-testid=request-transfer]");
        await lead.WaitForSelectorAsync("[data-testid=linkage-done]");
        (await lead.TextContentAsync("[data-testid=transfer-pending]"))!.ShouldContain(Station.Agency.Name);
        (await lead.TextContentAsync("#linkage"))!.ShouldContain($"Lead (first-in-charge): {Workstation.Agency.Name}");
        await lead.ScreenshotAsync(new() { Path = Path.Combine(shots, "linkage-1-transfer-pending-en.png"), FullPage = true });

        // The receiving station, in its own browser context: the request is in its inbox and on the case.
        var station = await session.SignInAsync(factory.BaseAddress, Station, "en");
        await station.GotoAsync($"{factory.BaseAddress}/inbox");
        var number = (await lead.TextContentAsync("h1"))!.Trim();
        await station.ClickAsync($"[data-testid=inbox-awaiting] a:has-text('{number.Split(' ').Last()}')");
        await station.ClickAsync("#linkage [data-testid=answer-accept]");
        await station.WaitForSelectorAsync("[data-testid=linkage-done]");
        (await station.TextContentAsync("#linkage"))!.ShouldContain($"Lead (first-in-charge): {Station.Agency.Name}");
        (await station.Locator("[data-testid=transfer-pending]").CountAsync()).ShouldBe(0);
        var timeline = (await station.TextContentAsync("[data-testid=timeline-panel]"))!;
        timeline.ShouldContain("Lead transfer requested");
        timeline.ShouldContain($"to {Station.Agency.Name}");
        timeline.ShouldContain("Lead transfer accepted");
        await station.ScreenshotAsync(new() { Path = Path.Combine(shots, "linkage-2-transfer-accepted-en.png"), FullPage = true });

        // The former lead no longer sees the case.
        (await lead.Context.APIRequest.GetAsync(caseUrl)).Status.ShouldBe(404);
    }

    [BrowserFact]
    public async Task TheDistrictSupervisor_CallsAndRecordsAConference_AndTheDecisionIsATaskForItsOwner_InChinese()
    {
        var shots = Artifacts.Directory("screenshots");
        var supervisor = factory.CentreAt("440306", Role.Supervisor);
        using var api = await factory.ClientAsAsync(Workstation, "zh-CN");
        var created = await (await api.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "浏览器测试：个案会商", divisionCode = Workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;

        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignInAsync(factory.BaseAddress, supervisor, "zh-CN");
        await page.GotoAsync($"{factory.BaseAddress}/cases/{id}");
        (await page.TextContentAsync("[data-testid=conferences-none]"))!.ShouldContain("暂无个案会商");
        await page.ClickAsync("#conferences summary:has-text('召集个案会商')");
        await page.SelectOptionAsync("#conference-invited", [Station.Agency.Id.ToString()]);
        await page.ClickAsync("[data-testid=schedule-conference]");
        await page.WaitForSelectorAsync("#conferences [data-testid=linkage-done]");
        (await page.TextContentAsync("[data-testid=conference-status]"))!.Trim().ShouldBe("已安排");
        (await page.TextContentAsync("[data-testid=conference]"))!.ShouldContain(Station.Agency.Name);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "conference-1-scheduled-zh-CN.png"), FullPage = true });

        await page.ClickAsync("#conferences summary:has-text('记录会商')");
        await page.CheckAsync($"input[name=attended][value='{supervisor.Agency.Id}']");
        await page.CheckAsync($"input[name=attended][value='{Station.Agency.Id}']");
        await page.FillAsync("textarea[name=minutes]", "各单位通报情况；决定由派出所出具告诫书并回访。");
        await page.FillAsync("input[name=decision-text-0]", "出具告诫书并回访");
        await page.SelectOptionAsync("select[name=decision-agency-0]", Station.Agency.Id.ToString());
        await page.FillAsync("input[name=decision-due-0]", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("[data-testid=record-conference]");
        await page.WaitForSelectorAsync("#conferences [data-testid=linkage-done]");
        (await page.TextContentAsync("[data-testid=conference-status]"))!.Trim().ShouldBe("已召开");
        (await page.TextContentAsync("[data-testid=conference-attended]"))!.ShouldContain(Station.Agency.Name);
        (await page.TextContentAsync("[data-testid=conference-minutes]"))!.ShouldContain("出具告诫书");
        var decision = page.Locator("[data-testid=tasks] tr", new() { HasText = "个案会商决定" });
        (await decision.TextContentAsync())!.ShouldContain(Station.Agency.Name);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "conference-2-recorded-zh-CN.png"), FullPage = true });

        await page.GotoAsync($"{factory.BaseAddress}/conferences");
        (await page.TextContentAsync("[data-testid=conferences-held]"))!.ShouldContain(number);

        // The owner agency finds the decision waiting for acceptance in its inbox.
        var station = await session.SignInAsync(factory.BaseAddress, Station, "zh-CN");
        await station.GotoAsync($"{factory.BaseAddress}/inbox");
        var waiting = station.Locator("[data-testid=inbox-awaiting] .card", new() { HasText = number });
        (await waiting.TextContentAsync())!.ShouldContain("个案会商决定");
        await station.ScreenshotAsync(new() { Path = Path.Combine(shots, "conference-3-decision-in-inbox-zh-CN.png"), FullPage = true });
    }

}
