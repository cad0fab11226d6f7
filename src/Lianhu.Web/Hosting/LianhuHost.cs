using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Instruments;

namespace Lianhu.Web.Hosting;

/// <summary>Builds the web application for every verb: same configuration, same services.</summary>
public static class LianhuHost
{
    /// <param name="args">Arguments for ASP.NET configuration (e.g. <c>--urls</c>); verbs are already removed.</param>
    /// <param name="demo">Demo mode: SQLite, demo city, demo accounts allowed.</param>
    public static WebApplication Build(string[] args, bool demo)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = LianhuPaths.AppBase,
            WebRootPath = LianhuPaths.WebRoot,
        });
        Configure(builder, demo);
        var app = builder.Build();
        app.UseLianhu();
        return app;
    }

    public static void Configure(WebApplicationBuilder builder, bool demo)
    {
        if (demo)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Lianhu:Demo"] = "true",
                ["Lianhu:Database:Provider"] = "sqlite",
            });
        }

        builder.Services.AddLianhu(builder.Configuration);
    }

    /// <summary>Applies migrations and reference data; in demo mode also seeds the demo city.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureAsync(ct);
        await scope.ServiceProvider.GetRequiredService<InstrumentSeeder>().EnsureAsync(ct);
        if (scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Lianhu:Demo"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        }
    }
}
