using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Archive;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The family archive in a real browser: a closed case is in the archive; a new intake with the
/// same victim shows the archive notice; the lead reopens the archived case with a reason and its
/// timeline shows it. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class ArchiveJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public async Task ClosedCase_InTheArchive_ANewIntakeShowsIt_AndTheLeadReopensIt()
    {
        var shots = Artifacts.Directory("screenshots");
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440304");
        var community = worker.Agency.Division.Value;
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        using var api = await factory.ClientAsAsync(worker, "en");
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor));
        var archived = await api.OpenAsync(new
        {
            channel = "walk-in",
            summary = "丈夫醉酒后推搡妻子",
            divisionCode = community,
            parties = new object[] { new { role = "victim", name = "林小燕", idNumber = victimId }, new { role = "respondent", name = "黄志强" } },
        });
        await ClosedCases.CloseAsync(api, centre, archived.Id(), "调解后双方和好，三次回访均安全", "violence-stopped");
        var number = archived.GetProperty("number").GetString()!;

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("en");
        await page.GotoAsync($"{factory.BaseAddress}/culture?c=en&returnUrl=/cases");
        await page.FillAsync("#username", worker.Username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync("**/cases", new() { WaitUntil = WaitUntilState.DOMContentLoaded });

        await page.ClickAsync("[data-testid=nav-archive]");
        await page.FillAsync("[data-testid=archive-q]", victimId);
        await page.ClickAsync("button:has-text('Find')");
        (await page.TextContentAsync("[data-testid=archive-table]"))!.ShouldContain(number);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "archive-1-household-en.png"), FullPage = true });
        await page.ClickAsync($"a:has-text('{number}')");
        (await page.TextContentAsync("[data-testid=archive-summary]"))!.ShouldContain("三次回访均安全");

        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", "walk-in");
        await page.SelectOptionAsync("#division", community);
        await page.FillAsync("#party-0-name", "林小燕");
        await page.FillAsync("#party-0-id", victimId);
        await page.FillAsync("#party-1-name", "黄志强");
        await page.FillAsync("#summary", "再次被打，前来求助");
        await page.ClickAsync("[data-testid=open-case-submit]");
        await page.WaitForSelectorAsync("[data-testid=opened]");
        var notice = (await page.TextContentAsync("[data-testid=archive-panel]"))!;
        notice.ShouldContain(number);
        notice.ShouldContain("Violence stopped, family stable");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "archive-2-intake-notice-en.png"), FullPage = true });

        await page.FillAsync("[data-testid=archive-reopen-reason]", "Same household, new incident at intake");
        await page.ClickAsync("[data-testid=archive-reopen]");
        await page.WaitForSelectorAsync("[data-testid=reopened]");
        page.Url.ShouldContain(archived.Id().ToString());
        var timeline = (await page.TextContentAsync("[data-testid=timeline-panel]"))!;
        timeline.ShouldContain("Closed and archived");
        timeline.ShouldContain("Reopened");
        timeline.ShouldContain("Same household, new incident at intake");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "archive-3-reopened-en.png"), FullPage = true });
    }
}
