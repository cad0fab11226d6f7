using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The legal panel in a real browser: a community workstation files a protection-order application
/// on its case and downloads the PDF; the court finds it in its inbox, accepts and issues it; a
/// police station issues two warning letters and the case shows the repeat-warning flag.
/// Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class LegalJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    private const string Baoan = "440306";

    [BrowserFact]
    public async Task FileAnApplication_TheCourtIssuesIt_InChinese()
    {
        var shots = Artifacts.Directory("screenshots");
        var workstation = factory.Account(AgencyType.CommunityWorkstation, Baoan);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignInAsync(factory.BaseAddress, workstation, "zh-CN");

        await OpenCaseAsync(page, workstation, "walk-in");
        await page.ClickAsync("#legal summary:has-text('提交保护令申请')");
        await page.SelectOptionAsync("#po-court", factory.Account(AgencyType.Court, Baoan).Agency.Id.ToString());
        await page.SelectOptionAsync("#po-applicant-type", "victim");
        await page.FillAsync("#po-applicant", "李梅");
        await page.FillAsync("#po-respondent", "王强");
        await page.FillAsync("#po-respondent-address", "深圳市宝安区新安街道某小区 3 栋 502");
        // The relation is a picker (issue 15): it decides whether the order is available (WRPL Art 29 for former partners).
        await page.SelectOptionAsync("#po-respondent-relation", "spouse");
        await page.SelectOptionAsync("#po-ground", "violence-suffered");
        await page.FillAsync("#po-facts", "被申请人多次酒后殴打申请人。");
        await page.CheckAsync("#po-file-m4");
        await page.ClickAsync("[data-testid=po-file-submit]");
        await page.WaitForSelectorAsync("[data-testid=legal-done]");
        (await page.TextContentAsync("[data-testid=po-status]"))!.Trim().ShouldBe("已收到");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "legal-1-filed-zh-CN.png"), FullPage = true });

        // The PDF link works with the page's sign-in (cookie).
        var href = await page.GetAttributeAsync("[data-testid=po-pdf]", "href");
        var pdf = await page.Context.APIRequest.GetAsync($"{factory.BaseAddress}/{href}");
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");

        var court = await session.SignInAsync(factory.BaseAddress, factory.Account(AgencyType.Court, Baoan), "zh-CN");
        await court.GotoAsync($"{factory.BaseAddress}/protection-orders");
        await court.ClickAsync("[data-testid=po-accept]");
        await court.WaitForSelectorAsync("[data-testid=legal-done]");
        (await court.TextContentAsync("[data-testid=po-status]"))!.Trim().ShouldBe("已受理");
        await court.ClickAsync("summary:has-text('签发保护令')");
        await court.ClickAsync("[data-testid=po-issue]");
        await court.WaitForSelectorAsync("[data-testid=legal-done]");
        (await court.TextContentAsync("[data-testid=po-status]"))!.Trim().ShouldBe("已签发");
        (await court.TextContentAsync("[data-testid=po-ordered]"))!.ShouldContain("禁止实施家庭暴力");
        await court.ScreenshotAsync(new() { Path = Path.Combine(shots, "legal-2-court-issued-zh-CN.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task TwoWarningLetters_FlagTheCase_InEnglish()
    {
        var shots = Artifacts.Directory("screenshots");
        var station = factory.Account(AgencyType.PoliceStation, factory.Account(AgencyType.CommunityWorkstation, Baoan).Agency.Division.Value[..9]);
        await using var session = await BrowserSession.StartAsync();
        var page = await session.SignInAsync(factory.BaseAddress, station, "en");
        await OpenCaseAsync(page, factory.Account(AgencyType.CommunityWorkstation, Baoan), "police-110");

        // An incomplete letter is refused, naming the missing parts.
        await page.ClickAsync("#legal summary:has-text('Issue a warning letter')");
        await page.FillAsync("#wl-respondent", "Wang Qiang");
        await page.FillAsync("#wl-victim", "Li Mei");
        await page.ClickAsync("[data-testid=wl-issue-submit]");
        (await page.TextContentAsync("[data-testid=errors]"))!.ShouldContain("must state the facts");

        for (var i = 0; i < 2; i++)
        {
            if (i > 0)
            {
                await page.ClickAsync("#legal summary:has-text('Issue a warning letter')");
                await page.FillAsync("#wl-respondent", "Wang Qiang");
                await page.FillAsync("#wl-victim", "Li Mei");
            }

            await page.FillAsync("#wl-id", "440306198501011238");
            await page.FillAsync("#wl-facts", "Pushed the victim during a quarrel; minor, no public-order penalty.");
            await page.ClickAsync("[data-testid=wl-issue-submit]");
            await page.WaitForSelectorAsync("[data-testid=legal-done]");
        }

        (await page.TextContentAsync("[data-testid=flag-repeat-warning]"))!.ShouldContain("Repeat warning");
        (await page.Locator("[data-testid=warning-letter]").CountAsync()).ShouldBe(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "legal-3-repeat-warning-en.png"), FullPage = true });
    }


    private async Task OpenCaseAsync(IPage page, DemoAccount community, string channel)
    {
        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", channel);
        await page.SelectOptionAsync("#division", community.Agency.Division.Value);
        await page.FillAsync("#summary", "浏览器测试：法律措施");
        await page.ClickAsync("[data-testid=open-case-submit]");
        await page.WaitForSelectorAsync("[data-testid=opened]");
    }
}
