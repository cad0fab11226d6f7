using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Help;

/// <summary>
/// The safety rules of every public page (issue 16 item 1): no copy kept, no cookie but the form's
/// antiforgery one, no culture cookie (?lang= instead), a neutral title and icon, nothing of the staff
/// pages, no third-party address, quick exit in the page, their own error page.
/// </summary>
public sealed partial class PublicDoorTests(HelpSqliteFactory factory) : IClassFixture<HelpSqliteFactory>
{
    public static TheoryData<string> Pages => ["/help", "/help/report", "/help/status", "/help?lang=en", "/help/no-such-page"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPublicPage_IsNoStore_Neutral_AndLocal(string path)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        Title().Match(html).Groups[1].Value.ShouldBeOneOf("生活服务", "Everyday services");
        html.ShouldNotContain("联护");
        html.ShouldNotContain("Lianhu");
        html.ShouldNotContain("countdown.js");
        html.ShouldNotContain("bootstrap.bundle");
        html.ShouldNotContain("navbar");
        html.ShouldContain("img/everyday.svg");
        html.ShouldContain("js/quick-exit.js");
        html.ShouldContain($"id=\"quick-exit\"");
        html.ShouldContain($"href=\"{HelpSettings.ExitUrl}\"");
        html.ShouldNotContain("<style");
        html.ShouldNotContain(" style=");
        // Every script, style and image is this site's own: no third-party request from the page.
        foreach (Match asset in Asset().Matches(html))
        {
            asset.Groups[1].Value.ShouldNotContain("//", customMessage: $"{path} loads {asset.Groups[1].Value}");
        }

        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        cookies.ShouldAllBe(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal), $"{path} sets {string.Join("; ", cookies)}");
        if (path is "/help" or "/help?lang=en" or "/help/no-such-page")
        {
            cookies.ShouldBeEmpty(); // a page without a form sets nothing at all
        }
    }

    [Fact]
    public async Task English_IsPickedByTheQuery_NotByACookie()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/help/status?lang=en");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<title>Everyday services</title>");
        html.ShouldContain("Check progress");
        response.Headers.TryGetValues("Set-Cookie", out var set).ShouldBe(set?.All(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)) ?? false);
    }

    [Fact]
    public async Task AnUnknownPublicPage_IsAPublicPage_NotTheStaffError()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/help/nothing-here");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("没有找到这个页面。");
        html.ShouldContain("quick-exit");
    }

    [Fact]
    public async Task ThePublicApi_IsNoStore_AndSetsNoCookie()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/help/form-token");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("(?:src|href)=\"([^\"]+\\.(?:js|css|svg|png|ico|woff2?))\"")]
    private static partial Regex Asset();
}

/// <summary>Rate limits of the public door: per address, a calm generic 429 on the pages and as ProblemDetails on the API.</summary>
public sealed class PublicRateLimitTests(TightHelpSqliteFactory factory) : IClassFixture<TightHelpSqliteFactory>
{
    [Fact]
    public async Task TooManyRequests_FromOneAddress_GetA429_WithAGenericMessage()
    {
        using var client = factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await client.GetAsync("/help"));
        }

        answers.Take(5).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var refused = answers[5];
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("<title>生活服务</title>");
        html.ShouldContain("操作太频繁了，请过一会儿再试。");

        var api = await client.PostAsync("/api/v1/help/status", JsonContent.Create(new { receipt = "ABCDEFGH", secret = "x" }));
        api.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("操作太频繁了");

        // Staff pages and the staff API are not held by the public door's limits.
        (await client.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
