using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Cases;

/// <summary>The case itself: access, reading, listing, viewers and emergency access.</summary>
public sealed class CasesModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CaseAccess>();
        services.AddScoped<BreakGlass.Handler>();
        services.AddScoped<GetCase.Handler>();
        services.AddScoped<ListCases.Handler>();
        services.AddScoped<CaseViewers.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        GetCase.Map(routes.Staff);
        ListCases.Map(routes.Staff);
        CaseViewers.Map(routes.Staff);
        BreakGlass.Map(routes.Staff);
    }
}
