using Lianhu.Web.Features.Demo;
using Lianhu.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Bench;

/// <summary>Migrates the database and seeds the demo city with ordinary (non-demo) accounts, as the tests do.</summary>
public static class Seed
{
    public static async Task RunAsync(Options options)
    {
        string[] args =
        [
            $"--Lianhu:Database:Provider={options.Get("provider")}",
            $"--Lianhu:Database:ConnectionString={options.Get("connection")}",
            $"--Lianhu:Encryption:KeyRingPath={options.Get("keys")}",
            "--Lianhu:Encryption:CreateKeys=true",
            "--Logging:LogLevel:Default=Warning",
        ];
        await using var app = LianhuHost.Build(args, demo: false);
        await LianhuHost.PrepareDatabaseAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCityAsync(DemoCity.Password, markDemo: false);
    }
}
