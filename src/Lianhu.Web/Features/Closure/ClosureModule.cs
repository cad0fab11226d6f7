using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Closure;

/// <summary>Closing a case: the request, the approvals by level, and what must be done first.</summary>
public sealed class ClosureModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CaseClosure.Handler>();
        services.AddScoped<PendingClosures.Handler>();
        services.AddScoped<IClosureCondition, OpenTasksCondition>();
        services.AddScoped<IClosureCondition, OpenReturnVisitsCondition>();
        services.AddScoped<IClosureCondition, RunningClocksCondition>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        CaseClosure.Map(routes.Staff);
        PendingClosures.Map(routes.Staff);
    }
}
