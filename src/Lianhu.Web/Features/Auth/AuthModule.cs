using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Auth;

/// <summary>Bearer tokens for API clients.</summary>
public sealed class AuthModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }

    public void MapEndpoints(FeatureRoutes routes) => IssueToken.Map(routes.Open);
}
