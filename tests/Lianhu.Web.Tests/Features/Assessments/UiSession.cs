using System.Net;
using System.Text.RegularExpressions;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianhu.Web.Tests.Features.Assessments;

/// <summary>
/// A browser-like session against the server-rendered pages: cookie sign-in through the real
/// form, then GETs and form posts carrying the page's antiforgery token. No redirects are
/// followed, so tests see the post-redirect-get.
/// </summary>
public sealed partial class UiSession : IDisposable
{
    private UiSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<UiSession> SignInAsync(LianhuFactory factory, DemoAccount account, string language = "en")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var session = new UiSession(client);
        var response = await session.PostFormAsync("/signin", await client.GetStringAsync("/signin"), "signin", [new("Input.Username", account.Username), new("Input.Password", LianhuFactory.Password)]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>Posts the form named <paramref name="handler"/> found in <paramref name="page"/>, with the given fields.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string page, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var start = page.IndexOf($"name=\"_handler\" value=\"{handler}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"form {handler} not on the page");
        var token = TokenPattern().Match(page, start).Groups[1].Value;
        using var content = new FormUrlEncodedContent([new("_handler", handler), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)), .. fields]);
        return await Client.PostAsync(url, content);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
