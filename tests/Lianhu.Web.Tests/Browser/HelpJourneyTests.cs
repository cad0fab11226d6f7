using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Features.Help;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The victim's door on a 360 × 740 phone (issue 16): she files a report with the place picked, keeps the
/// receipt, reads the status; quick exit and Esc leave for the neutral site and Back does not return to
/// the public pages; staff see her contact instructions first on the case; axe-core finds no serious or
/// critical violation on any public page.
/// </summary>
public sealed class HelpJourneyTests(HelpKestrelFactory factory) : IClassFixture<HelpKestrelFactory>
{
    private static readonly string AxeScript = Path.Combine(FindRepoRoot(), "src", "Lianhu.Web", "node_modules", "axe-core", "axe.min.js");

    [BrowserFact]
    public async Task SheReports_KeepsTheReceipt_ReadsTheStatus_AndStaffSeeHowToContactHer()
    {
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var page = await PhoneAsync(session, "zh-CN");
        await page.GotoAsync($"{factory.BaseAddress}/help");
        (await page.TitleAsync()).ShouldBe("生活服务");
        await AxeAsync(page, "/help");

        await page.ClickAsync("[data-testid=help-go-report]");
        await page.WaitForURLAsync("**/help/report", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await AxeAsync(page, "/help/report");
        var workstation = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith("440306", StringComparison.Ordinal));
        var community = workstation.Division.Value;
        await page.FillAsync("#help-what", "他昨晚又动手了，手机可能被他看");
        await page.SelectOptionAsync("#help-district", community[..6]);
        await page.SelectOptionAsync("#help-street", community[..9]);
        await page.SelectOptionAsync("#help-community", community);
        await page.FillAsync("#help-phone", "13912345678");
        await page.CheckAsync("#help-message-only");
        await page.FillAsync("#help-safe-times", "工作日上午");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "help-1-report-360.png"), FullPage = true });
        await Task.Delay(1200); // the form must be held a moment (a person reads and types)
        await page.ClickAsync("[data-testid=help-report-submit]");
        await page.WaitForSelectorAsync("[data-testid=help-receipt]");
        await AxeAsync(page, "/help/report (receipt)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "help-2-receipt-360.png"), FullPage = true });
        var code = (await page.TextContentAsync("[data-testid=help-receipt-code]"))!.Trim();
        var secret = (await page.TextContentAsync("[data-testid=help-receipt-secret]"))!.Trim();

        await page.GotoAsync($"{factory.BaseAddress}/help/status");
        await page.FillAsync("#help-receipt", code);
        await page.FillAsync("#help-secret", "22222-22222");
        await page.ClickAsync("[data-testid=help-status-submit]");
        await page.WaitForSelectorAsync("[data-testid=help-no-match]");
        await AxeAsync(page, "/help/status (no match)");
        await page.FillAsync("#help-receipt", code);
        await page.FillAsync("#help-secret", secret);
        await page.ClickAsync("[data-testid=help-status-submit]");
        await page.WaitForSelectorAsync("[data-testid=help-status]");
        (await page.TextContentAsync("[data-testid=help-status]"))!.Trim().ShouldBe("已收到");
        await AxeAsync(page, "/help/status");

        Guid caseId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            caseId = (await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().SelfReports.AsNoTracking().SingleAsync(r => r.ReceiptCode == code)).CaseId;
        }

        var account = factory.City.Accounts.First(a => a.Agency.Id == workstation.Id && a.Role == Lianhu.Domain.Access.Role.Caseworker);
        var staff = await session.SignInAsync(factory.BaseAddress, account, "zh-CN");
        await staff.GotoAsync($"{factory.BaseAddress}/cases/{caseId}");
        var banner = staff.Locator("[data-testid=safe-contact]");
        (await banner.TextContentAsync())!.ShouldContain("仅短信联系，勿来电");
        (await staff.TextContentAsync("[data-testid=safe-contact-phone]"))!.ShouldContain("13912345678");
        (await staff.TextContentAsync("[data-testid=safe-contact-times]"))!.ShouldContain("工作日上午");
        // First on the page: before the case's heading.
        (await staff.EvaluateAsync<bool>("() => !!(document.querySelector('[data-testid=safe-contact]').compareDocumentPosition(document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)")).ShouldBeTrue();
        await staff.ScreenshotAsync(new() { Path = Path.Combine(shots, "help-3-staff-case.png"), FullPage = true });
        outside.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task QuickExit_AndEsc_LeaveForTheNeutralSite_AndBackDoesNotReturn()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await PhoneAsync(session, "en");
        await page.GotoAsync($"{factory.BaseAddress}/help?lang=en");
        (await page.TitleAsync()).ShouldBe("Everyday services");
        await page.ClickAsync("[data-testid=help-go-status]");
        await page.WaitForURLAsync("**/help/status?lang=en", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.ClickAsync("[data-testid=quick-exit]");
        await page.WaitForURLAsync(HelpSettings.ExitUrl);
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await Task.Delay(500);
        page.Url.ShouldNotContain("/help");

        // Esc, after a form post (which leaves the form page in the history): Back still finds no public page.
        await page.GotoAsync($"{factory.BaseAddress}/help/status");
        await page.FillAsync("#help-receipt", "ABCDEFGH");
        await page.FillAsync("#help-secret", "22222-22222");
        await page.ClickAsync("[data-testid=help-status-submit]");
        await page.WaitForSelectorAsync("[data-testid=help-no-match]");
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForURLAsync(HelpSettings.ExitUrl);
        for (var i = 0; i < 2; i++)
        {
            await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
            await Task.Delay(800);
            page.Url.ShouldNotContain("/help", customMessage: $"after Back #{i + 1}");
        }

        outside.ShouldBeEmpty();
    }

    private readonly List<string> outside = [];

    private async Task<IPage> PhoneAsync(BrowserSession session, string culture)
    {
        var page = await session.NewPageAsync(culture);
        await page.SetViewportSizeAsync(360, 740);
        // The neutral site quick exit goes to, served locally: the test machine has no internet.
        await page.Context.RouteAsync(HelpSettings.ExitUrl, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<html><head><title>Weather</title></head><body>Sunny</body></html>" }));
        // Any other address outside this site would be a third-party request from a public page.
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(factory.BaseAddress, StringComparison.Ordinal) && request.Url != HelpSettings.ExitUrl && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        // axe-core is added by the browser before each document: the pages' CSP (rightly) refuses an injected inline script tag.
        await page.Context.AddInitScriptAsync(scriptPath: AxeScript);
        return page;
    }

    private static async Task AxeAsync(IPage page, string name)
    {
        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        found.ShouldBeEmpty($"axe-core on {name}: {string.Join("; ", found)}");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lianhu.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Lianhu.sln not found above the test binaries.");
    }
}
