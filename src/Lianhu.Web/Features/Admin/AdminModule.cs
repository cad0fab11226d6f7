using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Admin;

/// <summary>Administration of agencies and accounts (four eyes for case-reading roles).</summary>
public sealed class AdminModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CreateAgency.Handler>();
        services.AddScoped<ListUsers.Handler>();
        services.AddScoped<CreateUser.Handler>();
        services.AddScoped<SetUserLock.Handler>();
        services.AddScoped<SetUserRoles.Handler>();
        services.AddScoped<RoleRequests.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ListAgencies.Map(routes.Staff);
        CreateAgency.Map(routes.Admin);
        ListUsers.Map(routes.Admin);
        CreateUser.Map(routes.Admin);
        SetUserLock.Map(routes.Admin);
        SetUserRoles.Map(routes.Admin);
        RoleRequests.Map(routes.Admin);
    }
}
