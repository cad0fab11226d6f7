using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// The one-key alarm as she and the police station live it (issue 16 item 3): on a 360 px phone she
/// opens the link, chooses a PIN and presses the one button; the police station's open case page and
/// the station's inbox show the urgent alert within two seconds, without reloading; the officer
/// acknowledges it and records the outcome.
/// </summary>
public sealed class AlarmJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public async Task SheChoosesAPin_AndPresses_ThePoliceStationsOpenPagesShowTheAlertWithinTwoSeconds_AndTheOfficerAnswersIt()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "zh-CN");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "一键报警旅程", divisionCode = factory.Workstation().Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 16) })).EnsureSuccessStatusCode();
        var enrolled = await (await lead.PostAsync($"/api/v1/cases/{id}/alarm/enrolment", null)).Content.ReadFromJsonAsync<JsonElement>();
        var path = enrolled.GetProperty("path").GetString()!;
        var shots = Artifacts.Directory("screenshots");

        await using var session = await BrowserSession.StartAsync();

        // The station has the case open, and its inbox in a second tab.
        var officer = await session.SignInAsync(factory.BaseAddress, factory.Station(), "zh-CN");
        await officer.GotoAsync($"{factory.BaseAddress}/cases/{id}");
        await officer.WaitForSelectorAsync("html[data-inbox-live=true]", new() { Timeout = 10_000 });
        var inbox = await officer.Context.NewPageAsync();
        await inbox.GotoAsync($"{factory.BaseAddress}/inbox");
        await inbox.WaitForSelectorAsync("html[data-inbox-live=true]", new() { Timeout = 10_000 });
        (await officer.QuerySelectorAsync("[data-testid=alarm-alert]")).ShouldBeNull();

        // Her phone: a page titled like a notes app, no case content, 110 always there; she chooses a PIN.
        var phone = await session.PhoneAsync("zh-CN", (22.5551, 113.8836));
        await phone.GotoAsync(factory.BaseAddress + path);
        (await phone.TitleAsync()).ShouldBe("便签");
        var text = await phone.InnerTextAsync("body");
        text.ShouldNotContain(number);
        text.ShouldNotContain("一键报警旅程");
        (await phone.IsVisibleAsync("[data-testid=call-110]")).ShouldBeTrue();
        await phone.FillAsync("input[name=pin]", "2580");
        await phone.FillAsync("input[name=pin2]", "2580");
        await phone.ClickAsync("button[type=submit]");
        await phone.WaitForSelectorAsync("[data-testid=press]", new() { State = WaitForSelectorState.Visible });
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, "nothing scrolls sideways on a 360 px phone");
        (await phone.IsVisibleAsync("[data-testid=call-110]")).ShouldBeTrue();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "16-alarm-phone-ready.png"), FullPage = true });

        // One press; the station's open case page and inbox show it, pushed (the pages are not reloaded). How fast is
        // measured, not asserted (a busy CI machine is no measure of speed): the time is written beside the screenshots.
        await officer.EvaluateAsync("() => { window.__notReloaded = true; }");
        var clock = Stopwatch.StartNew();
        await phone.ClickAsync("[data-testid=press]");
        await officer.WaitForSelectorAsync("[data-testid=alarm-alert][data-state=raised]", new() { Timeout = 15_000 });
        var caseSeen = clock.Elapsed;
        await inbox.WaitForSelectorAsync($"[data-testid=inbox-alarm] >> text={number}", new() { Timeout = 15_000 });
        await File.WriteAllTextAsync(Path.Combine(shots, "16-alarm-push-ms.txt"), $"case page {caseSeen.TotalMilliseconds:0} ms, inbox {clock.Elapsed.TotalMilliseconds:0} ms\n");
        (await officer.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("pushed, not reloaded");
        await phone.WaitForSelectorAsync("[data-testid=sent]", new() { Timeout = 10_000 });
        (await phone.IsVisibleAsync("[data-testid=call-110]")).ShouldBeTrue();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "16-alarm-phone-sent.png"), FullPage = true });
        (await officer.TextContentAsync("[data-testid=alarm-location]"))!.ShouldContain("22.5551");
        await officer.ScreenshotAsync(new() { Path = Path.Combine(shots, "16-alarm-station-case.png"), FullPage = false });
        await inbox.ScreenshotAsync(new() { Path = Path.Combine(shots, "16-alarm-station-inbox.png"), FullPage = false });

        // The officer acknowledges, then records the outcome.
        await officer.ClickAsync("[data-testid=alarm-acknowledge]");
        await officer.WaitForSelectorAsync("[data-testid=alarm-alert][data-state=acknowledged]", new() { Timeout = 10_000 });
        await officer.SelectOptionAsync("[data-testid=alarm-outcome]", "attended");
        await officer.ClickAsync("[data-testid=alarm-record-outcome]");
        await officer.WaitForSelectorAsync("[data-testid=alarm-alert][data-state=closed]", new() { Timeout = 10_000 });
        await officer.ScreenshotAsync(new() { Path = Path.Combine(shots, "16-alarm-station-closed.png"), FullPage = false });
    }
}
