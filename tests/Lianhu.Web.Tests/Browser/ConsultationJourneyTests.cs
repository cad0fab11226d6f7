using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Lianhu.Web.Tests.Browser;

/// <summary>
/// Issue 16 item 4 in a real browser, as she would use it on a 360 px phone: a question answered in
/// her words; danger words bring 110 first; a question the assistant cannot answer handed to a person
/// with her agreement; the women's federation answers it in its queue; she reads the answer by
/// receipt. Screenshots go to artifacts/screenshots.
/// </summary>
public sealed class ConsultationJourneyTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    [BrowserFact]
    public async Task She_asks_is_answered_hands_off_and_reads_the_federations_answer_by_receipt()
    {
        var shots = Artifacts.Directory("screenshots");
        await using var session = await BrowserSession.StartAsync();
        var phone = await session.PhoneAsync("zh-CN");

        await phone.GotoAsync($"{factory.BaseAddress}/help");
        await phone.ClickAsync("[data-testid=help-go-ask]");
        await phone.WaitForSelectorAsync("#help-question");
        await phone.FillAsync("#help-question", "保护令怎么申请，要交钱吗");
        await phone.ClickAsync("[data-testid=help-ask-submit]");
        await phone.WaitForSelectorAsync("[data-testid=help-ask-answer]");
        (await phone.TextContentAsync("[data-testid=help-ask-answer]"))!.ShouldContain("不收诉讼费");
        (await phone.TitleAsync()).ShouldNotContain("家暴");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "consultation-1-answered-zh-CN.png"), FullPage = true });

        await phone.FillAsync("#help-question", "他拿着菜刀说要杀了我");
        await phone.ClickAsync("[data-testid=help-ask-submit]");
        await phone.WaitForSelectorAsync("[data-testid=help-ask-danger]");
        (await phone.GetAttributeAsync("[data-testid=help-call-110]", "href")).ShouldBe("tel:110");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "consultation-2-danger-zh-CN.png"), FullPage = true });

        var question = $"婆婆总是挑拨我们夫妻关系，我该怎么和她相处{Random.Shared.Next(100, 999)}";
        await phone.FillAsync("#help-question", question);
        await phone.ClickAsync("[data-testid=help-ask-submit]");
        await phone.WaitForSelectorAsync("[data-testid=help-ask-no-answer]");
        (await phone.InputValueAsync("#help-handoff-question")).ShouldBe(question, "what she asked is offered for the hand-off, not kept");
        await phone.SelectOptionAsync("#help-handoff-place", "440306");
        await Task.Delay(TimeSpan.FromSeconds(3.2)); // the signed form must be held a few seconds, as a person does
        await phone.ClickAsync("[data-testid=help-handoff-submit]");
        await phone.WaitForSelectorAsync("#help-handoff-agree.is-invalid");
        await phone.CheckAsync("#help-handoff-agree");
        await phone.ClickAsync("[data-testid=help-handoff-submit]");
        await phone.WaitForSelectorAsync("[data-testid=help-handoff-receipt]");
        var code = (await phone.TextContentAsync("[data-testid=help-handoff-code]"))!.Trim();
        var secret = (await phone.TextContentAsync("[data-testid=help-handoff-secret]"))!.Trim();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "consultation-3-handed-off-zh-CN.png"), FullPage = true });

        var hotline = await session.SignInAsync(factory.BaseAddress, factory.Account(AgencyType.WomensFederation, "440306"), "zh-CN");
        await hotline.ClickAsync("[data-testid=nav-consultations]");
        var card = hotline.Locator("[data-testid=consultation]", new() { HasText = question });
        await card.Locator("textarea").FillAsync("婆媳关系不属于家庭暴力时，可以请社区调解；如果她打骂你，也属于家庭暴力，可以报警。");
        await card.Locator("[data-testid=consultation-answer]").ClickAsync();
        await hotline.WaitForSelectorAsync("[data-testid=consultation-saved]");
        await hotline.ScreenshotAsync(new() { Path = Path.Combine(shots, "consultation-4-answered-by-hotline-zh-CN.png"), FullPage = true });

        await phone.GotoAsync($"{factory.BaseAddress}/help/status");
        await phone.FillAsync("#help-receipt", code);
        await phone.FillAsync("#help-secret", secret);
        await phone.ClickAsync("[data-testid=help-status-submit]");
        await phone.WaitForSelectorAsync("[data-testid=help-reply-answer]");
        (await phone.TextContentAsync("[data-testid=help-reply-answer]"))!.ShouldContain("社区调解");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "consultation-5-reply-by-receipt-zh-CN.png"), FullPage = true });
    }
}
