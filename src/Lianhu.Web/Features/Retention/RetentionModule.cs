using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Retention;

/// <summary>Retention: what is kept how long, the job that ends it, and the administrators' report.</summary>
public sealed class RetentionModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RetentionReport.Handler>();
        services.AddScoped<RetentionJob>();
        services.AddScoped<IRetentionStep, VisitNotesRetention>();
    }

    public void MapEndpoints(FeatureRoutes routes) => RetentionReport.Map(routes.Admin);
}
