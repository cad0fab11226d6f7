using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The stepped intake in a real browser: a police officer records a 110 alarm with parties, the
/// case page shows intake, history and timeline; a repeat alarm joins the open case; a
/// correction goes through with its version; a school's mandatory reporter gets a receipt.
/// </summary>
public sealed class IntakeJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public async Task PoliceIntake_WithParties_ThenARepeatAlarm_ThenACorrection()
    {
        var station = factory.PoliceStation();
        var community = factory.CommunityOf(station);
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("en");
        await SignInAsync(page, station.Username, "en");

        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", "police-110");
        await page.SelectOptionAsync("#division", community);
        await page.FillAsync("#occurred-at", "2026-01-10T21:30");
        await page.FillAsync("#address", "宝安区新安街道某小区 3 栋 1201");
        await page.FillAsync("#party-0-name", "王芳");
        await page.FillAsync("#party-0-id", victimId);
        await page.FillAsync("#party-0-phone", TestIdentities.Mobile());
        await page.FillAsync("#party-1-name", "李强");
        await page.ClickAsync("[data-testid=add-party]");
        await page.WaitForSelectorAsync("#party-2-name");
        (await page.InputValueAsync("#party-0-id")).ShouldBe(victimId, "values survive adding a row");
        await page.SelectOptionAsync("#party-2-role", "child");
        await page.FillAsync("#party-2-name", "李小明");
        await page.FillAsync("#party-2-birth", "2016-03-02");
        await page.FillAsync("#summary", "夜间争吵，女方手臂有淤青");
        await page.SelectOptionAsync("#relationship", "spouse");
        await page.CheckAsync("#violence-physical");
        await page.SelectOptionAsync("#injured", "yes");
        await page.FillAsync("#injury-details", "bruises");
        await page.SelectOptionAsync("#children-present", "yes");
        await page.CheckAsync("#need-shelter");
        await page.SelectOptionAsync("#consent", "yes");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "5-intake-form-en.png"), FullPage = true });
        await page.ClickAsync("[data-testid=open-case-submit]");

        await page.WaitForSelectorAsync("[data-testid=opened]");
        var intake = (await page.TextContentAsync("[data-testid=intake-panel]"))!;
        intake.ShouldContain("Physical");
        intake.ShouldContain("Shelter");
        intake.ShouldContain("bruises");
        intake.ShouldContain(victimId[..6] + "********" + victimId[14..], customMessage: "the ID number is masked on screen");
        intake.ShouldNotContain(victimId);
        (await page.Locator("[data-testid=party-table] tbody tr").CountAsync()).ShouldBe(3);
        await page.ClickAsync("[data-testid=reveal-id]");
        (await page.TextContentAsync("[data-testid=id-number-full]"))!.ShouldBe(victimId);
        (await page.TextContentAsync("[data-testid=timeline-panel]"))!.ShouldContain("Case opened");
        (await page.TextContentAsync("[data-testid=history-panel]"))!.ShouldContain("No earlier records");
        var caseUrl = page.Url.Split('?')[0];
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "6-intake-case-en.png"), FullPage = true });

        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", "police-110");
        await page.SelectOptionAsync("#division", community);
        await page.FillAsync("#party-0-name", "王芳");
        await page.FillAsync("#party-0-id", victimId);
        await page.FillAsync("#summary", "再次报警");
        await page.ClickAsync("[data-testid=open-case-submit]");
        await page.WaitForSelectorAsync("[data-testid=attached]");
        page.Url.Split('?')[0].ShouldBe(caseUrl);
        (await page.TextContentAsync("[data-testid=timeline-panel]"))!.ShouldContain("Repeat alarm attached");

        await page.ClickAsync("[data-testid=edit-case]");
        await page.FillAsync("#summary", "夜间争吵（已核实）");
        await page.ClickAsync("[data-testid=edit-submit]");
        await page.WaitForSelectorAsync("[data-testid=edited]");
        (await page.TextContentAsync("[data-testid=case-summary]"))!.ShouldBe("夜间争吵（已核实）");
    }

    [BrowserFact]
    public async Task InvalidIdNumber_IsNamedByRowAndField_InChinese()
    {
        var station = factory.PoliceStation();
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("zh-CN");
        await SignInAsync(page, station.Username, "zh-CN");
        var (wrong, expected) = TestIdentities.WithWrongCheck(TestIdentities.IdNumber(TestIdentities.BirthDate()));

        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        await page.SelectOptionAsync("#channel", "police-110");
        await page.SelectOptionAsync("#division", factory.CommunityOf(station));
        await page.FillAsync("#party-1-name", "李强");
        await page.FillAsync("#party-1-id", wrong);
        await page.FillAsync("#summary", "校验测试");
        await page.ClickAsync("[data-testid=open-case-submit]");

        var errors = (await page.TextContentAsync("[data-testid=errors]"))!;
        errors.ShouldContain($"当事人 2 · 身份证号: 校验码错误：应为 {expected}。");
        (await page.InputValueAsync("#party-1-id")).ShouldBe(wrong);
    }

    [BrowserFact]
    public async Task MandatoryReporter_FilesAReport_AndSeesTheReceipt()
    {
        var reporter = factory.Account(AgencyType.School, IntakeCalls.Baoan, Role.Reporter);
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(reporter.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("en");
        await SignInAsync(page, reporter.Username, "en");

        await page.GotoAsync($"{factory.BaseAddress}/cases/new");
        (await page.Locator("#channel option").CountAsync()).ShouldBe(1);
        await page.SelectOptionAsync("#division", community);
        await page.FillAsync("#party-0-name", "陈小雨");
        await page.FillAsync("#summary", "学生身上有伤");
        // Mandatory or referral turns on the pupil's civil capacity (ADVL Art 14; issue 15): with no birth date it is chosen.
        await page.SelectOptionAsync("#victim-capacity", "limited");
        await page.SelectOptionAsync("#capacity-basis", "as-observed");
        await page.ClickAsync("[data-testid=open-case-submit]");

        await page.WaitForSelectorAsync("[data-testid=filed]");
        (await page.TextContentAsync("[data-testid=report-table]"))!.ShouldContain("Being handled");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory("screenshots"), "7-report-receipt-en.png"), FullPage = true });
    }

    [BrowserFact]
    public async Task ASuggestedMatch_IsConfirmedOnTheCasePage_AndUndone()
    {
        var station = factory.PoliceStation();
        var community = factory.CommunityOf(station);
        var birth = TestIdentities.BirthDate().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var api = await factory.ClientAsAsync(station);
        var earlier = await api.OpenAsync(new { channel = "police-110", summary = "出警", divisionCode = community, parties = new[] { new { role = "respondent", name = "张伟", birthDate = birth } } });
        var later = await api.OpenAsync(new { channel = "walk-in", summary = "来访", divisionCode = community, parties = new[] { new { role = "respondent", name = "章伟", birthDate = birth } } });

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("en");
        await SignInAsync(page, station.Username, "en");
        await page.GotoAsync($"{factory.BaseAddress}/cases/{later.Id()}");
        (await page.TextContentAsync("[data-testid=suggestion]"))!.ShouldContain("same-sounding name");
        await page.ClickAsync("[data-testid=confirm-merge]");

        await page.WaitForSelectorAsync("[data-testid=person-notice]");
        (await page.TextContentAsync("[data-testid=person-notice]"))!.ShouldContain("Records linked");
        (await page.TextContentAsync("[data-testid=history-panel]"))!.ShouldContain(earlier.GetProperty("number").GetString()!);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory("screenshots"), "8-history-linked-en.png"), FullPage = true });

        await page.ClickAsync("[data-testid=unmerge]");
        await page.WaitForSelectorAsync("[data-testid=person-notice]");
        (await page.TextContentAsync("[data-testid=person-notice]"))!.ShouldContain("Link undone");
        (await page.TextContentAsync("[data-testid=history-panel]"))!.ShouldNotContain(earlier.GetProperty("number").GetString()!);
    }

    private async Task SignInAsync(IPage page, string username, string culture)
    {
        await page.GotoAsync($"{factory.BaseAddress}/culture?c={culture}&returnUrl=/signin");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync("**/cases", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
