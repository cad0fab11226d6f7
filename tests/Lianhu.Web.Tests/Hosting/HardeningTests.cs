using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Hosting;

/// <summary>
/// The smaller findings of issue 12 (ADR 0024): a language switch that never errs and never leaves
/// the site, nothing personal kept in caches, unknown usernames that look exactly like real ones.
/// </summary>
public abstract class HardeningTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task TheLanguageSwitch_NeverFails_AndOnlyRedirectsWithinTheSite()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var target in new[] { "/%09/x", "//evil.example/", "/%5Cevil.example", "/\\evil.example", "https://evil.example/", "/%0D%0ALocation:x" })
        {
            var response = await client.GetAsync($"/culture?c=en&returnUrl={target}");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, target);
            response.Headers.Location!.OriginalString.ShouldBe("/", target);
        }

        var local = await client.GetAsync("/culture?c=en&returnUrl=%2Fcases%3Fpage%3D2");
        local.Headers.Location!.OriginalString.ShouldBe("/cases?page=2");
    }

    [ProviderFact]
    public async Task Tokens_CaseLists_AndSignedInPages_AreNeverCached()
    {
        using var anonymous = factory.CreateClient();
        var account = factory.Account(AgencyType.PoliceStation, "440304");
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = LianhuFactory.Password });
        token.Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var api = await factory.ClientAsAsync(account);
        (await api.GetAsync("/api/v1/cases")).Headers.CacheControl!.NoStore.ShouldBeTrue();

        using var session = await UiSession.SignInAsync(factory, account);
        (await session.Client.GetAsync("/cases")).Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [ProviderFact]
    public async Task AnUnknownUsername_LocksOutExactlyLikeARealAccount()
    {
        var real = factory.Account(AgencyType.Court, "440306").Username;
        var unknown = $"nobody.{Guid.NewGuid():N}"[..20];
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        async Task<List<string>> AttemptsAsync(string username)
        {
            var answers = new List<string>();
            for (var i = 0; i < 7; i++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Wrong-Passw0rd!" });
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                answers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);
            }

            return answers;
        }

        var realAnswers = await AttemptsAsync(real);
        realAnswers[^1].ShouldContain("locked");
        (await AttemptsAsync(unknown)).ShouldBe(realAnswers);
    }

    [ProviderFact]
    public async Task TheDatabaseFile_AndTheKeyRing_AreReadableByTheServiceOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        _ = factory.Services;
        var ring = File.GetUnixFileMode(factory.KeyRingPath);
        (ring & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)).ShouldBe(UnixFileMode.None);
        foreach (var key in Directory.EnumerateFiles(factory.KeyRingPath))
        {
            (File.GetUnixFileMode(key) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None, key);
        }

        if (factory is SqliteFactory sqlite)
        {
            foreach (var file in new[] { sqlite.DatabaseFile, sqlite.DatabaseFile + "-wal" }.Where(File.Exists))
            {
                (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None, file);
            }
        }
    }
}

public sealed class HardeningTests_Sqlite(SqliteFactory factory) : HardeningTests<SqliteFactory>(factory);

public sealed class HardeningTests_Postgres(PostgresFactory factory) : HardeningTests<PostgresFactory>(factory), IPostgresTests;

/// <summary>Behind a TLS proxy the service sees the client's address and scheme only from a proxy it knows.</summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedFactory factory) : IClassFixture<ForwardedHeadersTests.ProxiedFactory>
{
    [Fact]
    public async Task FromAKnownProxy_CookiesAreSecure_AndTheAuditSeesTheClientsAddress()
    {
        var account = factory.Account(AgencyType.PoliceStation, "440304");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var page = await client.GetAsync("/signin");
        page.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var admin = factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = admin.Username, password = LianhuFactory.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        (await client.PostAsync($"/api/v1/users/{account.UserId}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var scope = factory.Services.CreateAsyncScope();
        var id = account.UserId.ToString();
        var address = await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().AuditEvents.Where(e => e.Action == "user.lock" && e.EntityId == id).Select(e => e.ClientAddress).SingleAsync();
        address.ShouldBe("203.0.113.9");
    }

    /// <summary>Every request arrives from 10.9.8.7, the proxy the configuration names.</summary>
    public sealed class ProxiedFactory : SqliteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Proxy:KnownProxies:0", "10.9.8.7")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, FromProxy>());
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((ctx, nextMiddleware) =>
                {
                    ctx.Connection.RemoteIpAddress = IPAddress.Parse("10.9.8.7");
                    return nextMiddleware(ctx);
                });
                next(app);
            };
        }
    }
}
