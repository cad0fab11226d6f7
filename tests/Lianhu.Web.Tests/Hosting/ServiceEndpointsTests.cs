using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Hosting;

/// <summary>Health, the OpenAPI document and its browsable UI, security headers, error pages.</summary>
public abstract class ServiceEndpointsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task Health_AndReadiness_AreUp()
    {
        using var client = factory.CreateClient();
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
    }

    [ProviderFact]
    public async Task OpenApiDocument_DescribesTheCaseAndTokenEndpoints()
    {
        using var client = factory.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/cases", out var cases).ShouldBeTrue();
        cases.TryGetProperty("post", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/cases/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/auth/token", out _).ShouldBeTrue();
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task Pages_CarryStrictSecurityHeaders()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/signin");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>");
    }

    [ProviderFact]
    public async Task PagesNeedSignIn_AndUnknownPagesAre404()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var cases = await client.GetAsync("/cases");
        cases.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cases.Headers.Location!.ToString().ShouldContain("/signin");
        (await client.GetAsync("/no-such-page")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task StaticAssets_AreServedFromTheBuildOutput()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync("/lib/bootstrap/bootstrap.min.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/css/app.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class ServiceEndpointsTests_Sqlite(SqliteFactory factory) : ServiceEndpointsTests<SqliteFactory>(factory);

public sealed class ServiceEndpointsTests_Postgres(PostgresFactory factory) : ServiceEndpointsTests<PostgresFactory>(factory), IPostgresTests;
