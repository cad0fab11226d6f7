using Lianhu.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Lianhu.Web.Features.Instruments;

/// <summary>Risk instruments as data: the store, the bundled versions seeded at startup, scoring and publishing.</summary>
public sealed class InstrumentsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<InstrumentStore>();
        services.AddScoped<InstrumentSeeder>();
        services.AddScoped<IStartupStep, SeedInstruments>();
        services.AddScoped<ScoreInstrument.Handler>();
        services.AddScoped<ListInstruments.Handler>();
        services.AddScoped<PublishInstrumentVersion.Handler>();
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(InstrumentPublishers.Policy, InstrumentPublishers.Configure));
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ListInstruments.Map(routes.Staff);
        GetInstrument.Map(routes.Staff);
        ScoreInstrument.Map(routes.Staff);
        CreateInstrument.Map(routes.Staff); // publishing: own policy (InstrumentPublishers)
        PublishInstrumentVersion.Map(routes.Staff);
    }

    private sealed class SeedInstruments(InstrumentSeeder seeder) : IStartupStep
    {
        public int Order => 100;

        public Task RunAsync(CancellationToken ct) => seeder.EnsureAsync(ct);
    }
}
