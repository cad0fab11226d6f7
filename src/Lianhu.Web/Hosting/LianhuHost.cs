using Lianhu.Web.Data;
using Lianhu.Web.Security;

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
        // Every registration must be constructible at start, not on the first request that needs it:
        // a feature module that forgets a service fails the host (and every test) at once.
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
    }

    /// <summary>
    /// Applies migrations, reference data and, in demo mode, the demo city, and makes the
    /// data-protection key ring ready — all under one startup lock, so nodes started together on an
    /// empty database come up one after another instead of colliding (ADR 0030).
    /// </summary>
    public static Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct = default) => PrepareDatabaseAsync(services, keyRing: true, ct);

    /// <inheritdoc cref="PrepareDatabaseAsync(IServiceProvider, CancellationToken)"/>
    /// <param name="keyRing">
    /// Make the data-protection key ready too (everything that serves or signs in); <c>lianhu migrate</c>
    /// alone passes false — a schema can be migrated before the encryption key ring is installed.
    /// </param>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, bool keyRing, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        await using var held = await StartupLock.AcquireAsync(db, ct);
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().EnsureAsync(ct);
        foreach (var step in scope.ServiceProvider.GetServices<IStartupStep>().OrderBy(s => s.Order))
        {
            await step.RunAsync(ct);
        }

        if (keyRing)
        {
            DataProtectionKeys.Ensure(services);
        }
    }
}
