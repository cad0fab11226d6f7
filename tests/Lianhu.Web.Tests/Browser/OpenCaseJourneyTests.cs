using System.Net.Http.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// A caseworker's first journey in a real browser: sign in → open a case → see it in the list,
/// in zh-CN and in en. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class OpenCaseJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public Task SignIn_OpenCase_SeeItInTheList_InChinese() => JourneyAsync("zh-CN", heading: "案件", newCase: "新建案件", submit: "登记案件", signIn: "登录");

    [BrowserFact]
    public Task SignIn_OpenCase_SeeItInTheList_InEnglish() => JourneyAsync("en", heading: "Cases", newCase: "Open a case", submit: "Open case", signIn: "Sign in");

    [BrowserFact]
    public async Task WrongPassword_ShowsAnError_AndStaysOnSignIn()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("en");
        await page.GotoAsync($"{factory.BaseAddress}/culture?c=en&returnUrl=/signin");
        await page.FillAsync("#username", "440300.linkage-centre.caseworker");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("[data-testid=signin-submit]");
        (await page.TextContentAsync("[data-testid=signin-error]"))!.ShouldContain("Wrong username or password");
        page.Url.ShouldContain("/signin");
    }

    [BrowserFact]
    public async Task Administrator_SeesThePermissionTable_AndAnOfficerOpensEmergencyAccess()
    {
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var admin = await session.NewPageAsync("zh-CN");
        await SignInAsync(admin, factory.Account(AgencyType.LinkageCentre, "440300", Lianhu.Domain.Access.Role.Sysadmin).Username, "zh-CN");
        await admin.GotoAsync($"{factory.BaseAddress}/admin/permissions");
        (await admin.TextContentAsync("[data-testid=permissions-lead]"))!.ShouldContain("可写");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(shots, "5-permissions-zh-CN.png"), FullPage = true });

        var owner = factory.Account(AgencyType.CommunityWorkstation, "440304");
        using var api = await factory.ClientAsAsync(owner);
        var created = await (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, "/api/v1/cases", new { channel = "walk-in", summary = "紧急调阅浏览器测试", divisionCode = owner.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var number = created.GetProperty("number").GetString()!;

        var officer = await session.NewPageAsync("en");
        await SignInAsync(officer, factory.Account(AgencyType.PoliceStation, "440306").Username, "en");
        await officer.GotoAsync($"{factory.BaseAddress}/emergency-access");
        await officer.FillAsync("#case-number", number);
        await officer.FillAsync("#reason", "Victim called from a neighbour's phone, suspect armed");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(shots, "6-emergency-access-en.png"), FullPage = true });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Open emergency access" }).ClickAsync();
        await officer.WaitForSelectorAsync("[data-testid=case-summary]");
        (await officer.TextContentAsync("[data-testid=case-summary]"))!.ShouldBe("紧急调阅浏览器测试");
    }

    private async Task SignInAsync(IPage page, string username, string culture)
    {
        await page.GotoAsync($"{factory.BaseAddress}/culture?c={culture}&returnUrl=/signin");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForLoadStateAsync();
    }

    private async Task JourneyAsync(string culture, string heading, string newCase, string submit, string signIn)
    {
        var account = factory.Account(AgencyType.CommunityWorkstation, "440305");
        var summary = $"{culture} 浏览器测试：夜间争吵，邻居报警 {Guid.NewGuid():N}"[..40];
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync(culture);

        await page.GotoAsync($"{factory.BaseAddress}/culture?c={culture}&returnUrl=/cases");
        page.Url.ShouldContain("/signin");
        (await page.TextContentAsync("h1"))!.Trim().ShouldBe(signIn);
        (await page.GetAttributeAsync("html", "lang")).ShouldBe(culture);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"1-signin-{culture}.png"), FullPage = true });

        await page.FillAsync("#username", account.Username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync("**/cases", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        (await page.TextContentAsync("h1"))!.Trim().ShouldBe(heading);
        var whoami = (await page.TextContentAsync("[data-testid=whoami]"))!.Trim();
        whoami.ShouldEndWith(" · " + account.Agency.Name, customMessage: "the header names the person and the unit, not the login name");
        whoami.ShouldNotContain(account.Username);

        await page.GetByRole(AriaRole.Link, new() { Name = newCase, Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/cases/new", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.SelectOptionAsync("#channel", "hotline");
        await page.SelectOptionAsync("#division", account.Agency.Division.Value);
        await page.FillAsync("#summary", summary);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"2-open-case-{culture}.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();

        await page.WaitForSelectorAsync("[data-testid=opened]");
        (await page.TextContentAsync("[data-testid=case-summary]"))!.ShouldBe(summary);
        var number = (await page.TextContentAsync("h1"))!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Last();
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"3-case-{culture}.png"), FullPage = true });

        await page.GotoAsync($"{factory.BaseAddress}/cases");
        (await page.TextContentAsync("[data-testid=case-table]"))!.ShouldContain(number);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"4-case-list-{culture}.png"), FullPage = true });
    }
}

/// <summary>Debian's Chromium driven by Playwright (its own browser download is not possible here).</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<BrowserSession> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserSession(playwright, browser);
    }

    public async Task<IPage> NewPageAsync(string culture)
    {
        var context = await browser.NewContextAsync(new() { Locale = culture, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>A 360 px phone (touch, mobile) in its own context; with a position, geolocation is granted and answers it.</summary>
    public async Task<IPage> PhoneAsync(string culture, (double Latitude, double Longitude)? position = null)
    {
        var context = await browser.NewContextAsync(new()
        {
            Locale = culture,
            ViewportSize = new() { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = position is { } p ? new() { Latitude = (float)p.Latitude, Longitude = (float)p.Longitude, Accuracy = 20 } : null,
            Permissions = position is null ? [] : ["geolocation"],
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new browser context (its own cookies) signed in as the account, in the culture, on /cases.</summary>
    public async Task<IPage> SignInAsync(string baseAddress, DemoAccount account, string culture)
    {
        var page = await NewPageAsync(culture);
        await page.GotoAsync($"{baseAddress}/culture?c={culture}&returnUrl=/cases");
        await page.FillAsync("#username", account.Username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync("**/cases", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
