using Lianhu.Domain.Clocks;
using Lianhu.Web.Features.PolicyFiles;
using Lianhu.Web.Features.Statistics.Bulletins;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// Statistics and oversight (ADR 0029): indicators as data, one metrics layer for the dashboard, the
/// API, the drill-down and the exports, small-cell protection. Reads other features' data; nothing
/// depends on it.
/// </summary>
public sealed class StatisticsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var directory = PolicyCatalogue.DirectoryFrom(configuration);
        services.AddSingleton(sp => IndicatorCatalogue.LoadDirectory(Find(directory, "indicators"), sp.GetRequiredService<ClockRuleCatalogue>()));
        services.AddSingleton(_ => StatisticsPolicy.Load(Find(directory, "policies", "statistics.json")));
        services.AddSingleton(sp => BulletinScheme.Load(Find(directory, "policies", "bulletin.json"), sp.GetRequiredService<IndicatorCatalogue>()));
        services.AddHostedService<IndicatorCheck>();
        services.AddScoped<BulletinMaker>();
        services.AddSingleton<BulletinDocuments>();
        services.AddScoped<BulletinEndpoints.Handler>();
        services.AddSingleton<MonthlyBulletins>();
        services.AddHostedService(sp => sp.GetRequiredService<MonthlyBulletins>());
        services.AddScoped<SmallCells>();
        services.AddScoped<StatisticsLabels>();
        services.AddScoped<MetricsLayer>();
        services.AddScoped<GetStatistics.Handler>();
        services.AddScoped<CasesBehindFigure.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ListIndicators.Map(routes.Staff);
        GetStatistics.Map(routes.Staff);
        CasesBehindFigure.Map(routes.Staff);
        GetStatistics.MapForPages(routes.App);
        BulletinEndpoints.Map(routes.Staff);
        BulletinEndpoints.MapForPages(routes.App);
    }

    /// <summary>The city's file or folder when its policy folder has one, else the bundled <c>config/</c>'s.</summary>
    private static string Find(string directory, params string[] relative)
    {
        var local = Path.Combine([directory, .. relative]);
        return File.Exists(local) || Directory.Exists(local) ? local : Path.Combine([LianhuPaths.Config, .. relative]);
    }

    /// <summary>Reads the indicators and the small-cell policy when the host starts: a bad file stops the start, naming the file and the reason.</summary>
    private sealed class IndicatorCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<IndicatorCatalogue>();
            _ = services.GetRequiredService<StatisticsPolicy>();
            _ = services.GetRequiredService<BulletinScheme>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
