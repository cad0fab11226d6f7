using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Browser;

/// <summary>A browser host whose clock the test sets, so a case closed "now" can be five years old.</summary>
public sealed class KestrelClockSqliteFactory : SqliteFactory, IManualClock
{
    public KestrelClockSqliteFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => ClockTestHosts.ManualScans;

    public string BaseAddress
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}

/// <summary>The city's administrator reads the retention dry run and applies it with the typed confirmation.</summary>
public sealed class RetentionJourneyTests(KestrelClockSqliteFactory factory) : IClassFixture<KestrelClockSqliteFactory>
{
    [BrowserFact]
    public async Task CityAdmin_SeesTheCasePastItsPeriod_ByNumber_AndAnonymisesItAfterTypingTheConfirmation()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440305");
        string number;
        using (var lead = await factory.ClientAsAsync(worker))
        using (var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440305", Role.Supervisor)))
        {
            var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "保留期限浏览器测试 王五", divisionCode = worker.Agency.Division.Value }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetGuid();
            number = created.GetProperty("number").GetString()!;
            (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已结案" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await centre.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        factory.Clock.Advance(TimeSpan.FromDays((5 * 365) + 3));
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var page = await session.NewPageAsync("zh-CN");
        await page.GotoAsync($"{factory.BaseAddress}/culture?c=zh-CN&returnUrl=/signin");
        await page.FillAsync("#username", factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin).Username);
        await page.FillAsync("#password", LianhuFactory.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForLoadStateAsync();

        await page.GotoAsync($"{factory.BaseAddress}/admin/retention");
        (await page.TextContentAsync("[data-testid=retention-due]"))!.ShouldContain(number);
        (await page.ContentAsync()).ShouldNotContain("王五");
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "retention-report-zh-CN.png"), FullPage = true });

        await page.FillAsync("[data-testid=retention-confirmation]", "ANONYMISE-9");
        await page.ClickAsync("[data-testid=retention-apply]");
        await page.WaitForLoadStateAsync();
        (await page.TextContentAsync("[data-testid=retention-due]"))!.ShouldContain(number, customMessage: "a wrong confirmation changes nothing");

        await page.FillAsync("[data-testid=retention-confirmation]", "ANONYMISE-1");
        await page.ClickAsync("[data-testid=retention-apply]");
        await page.WaitForSelectorAsync("[data-testid=retention-applied]");
        (await page.TextContentAsync("[data-testid=retention-due]"))!.ShouldNotContain(number);
        await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "retention-applied-zh-CN.png"), FullPage = true });
    }
}
