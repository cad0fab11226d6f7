using System.Net;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Notifications;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// An administrator opens the delivery-status page from the navigation, sees a webhook event that
/// failed (with its error and attempts), retries it now, and after the next sweep sees it delivered.
/// </summary>
public sealed class NotificationStatusJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public async Task AnAdministrator_SeesAFailedWebhook_AndRetriesIt()
    {
        var (station, _) = await NotificationAdminTests<SqliteFactory>.FailedWebhookAsync(factory);
        var admin = factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("zh-CN");
        await page.GotoAsync($"{factory.BaseAddress}/culture?c=zh-CN&returnUrl=/signin");
        await page.FillAsync("#username", admin.Username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForLoadStateAsync();
        await page.ClickAsync("nav >> a[href='admin/notifications']");
        await page.WaitForSelectorAsync("[data-testid=notification-table]");

        await page.SelectOptionAsync("#filter-channel", "webhook");
        await page.SelectOptionAsync("#filter-status", "failed");
        await page.ClickAsync("[data-testid=notification-filter] button[type=submit]");
        var row = page.Locator($"tr[data-status=failed]:has-text('{station.Name}')").First;
        await row.WaitForAsync();
        (await row.TextContentAsync())!.ShouldContain("http-503");
        (await row.TextContentAsync())!.ShouldContain("失败，将重试");
        var id = await row.GetAttributeAsync("data-notification-id");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory("screenshots"), "notifications-failed-webhook-zh.png"), FullPage = true });

        await row.Locator("[data-testid=retry]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=retried]");
        page.Url.ShouldContain("retried=" + id);

        (await NotificationAdminTests<SqliteFactory>.SweepWebhooksAsync(factory, HttpStatusCode.OK)).ShouldBeGreaterThan(0);
        await page.GotoAsync($"{factory.BaseAddress}/admin/notifications?channel=webhook");
        var delivered = page.Locator($"tr[data-notification-id='{id}']");
        (await delivered.GetAttributeAsync("data-status")).ShouldBe("delivered");
        (await delivered.TextContentAsync())!.ShouldContain("已送达");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Directory("screenshots"), "notifications-retried-delivered-zh.png"), FullPage = true });
    }
}
