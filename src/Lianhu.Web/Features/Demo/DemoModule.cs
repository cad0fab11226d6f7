using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Demo;

/// <summary>The demo city, seeded at startup in demo mode only.</summary>
public sealed class DemoModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<IStartupStep, SeedDemoCity>();
    }

    private sealed class SeedDemoCity(IConfiguration configuration, DemoSeeder seeder) : IStartupStep
    {
        public int Order => 900;

        public Task RunAsync(CancellationToken ct) =>
            configuration.GetValue<bool>("Lianhu:Demo") ? seeder.SeedAsync(ct) : Task.CompletedTask;
    }
}
