using System.Net;
using System.Net.Http.Json;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Auth;

/// <summary>Demo accounts open the service only in demo mode.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoAccounts_SignIn_InDemoMode()
    {
        await using var factory = new DemoSqliteFactory(demo: true);
        await factory.InitializeDemoAsync();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = factory.City.Accounts.First().Username, password = DemoCity.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DemoAccounts_AreRefused_WhenTheServiceIsNotInDemoMode()
    {
        await using var factory = new DemoSqliteFactory(demo: false);
        await factory.InitializeDemoAsync();
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = factory.City.Accounts.First().Username, password = DemoCity.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private sealed class DemoSqliteFactory(bool demo) : SqliteFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Demo", demo ? "true" : "false")];

        public async Task InitializeDemoAsync()
        {
            _ = Services;
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCityAsync(DemoCity.Password, markDemo: true);
        }
    }
}

/// <summary>Demo passwords never reach PostgreSQL, the production database.</summary>
public sealed class DemoSeedOnPostgresTests : IPostgresTests
{
    [ProviderFact]
    public async Task SeedingTheDemo_IsRefusedOnPostgres()
    {
        await using var factory = new PostgresFactory();
        await factory.InitializeAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await Should.ThrowAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync());
    }
}
