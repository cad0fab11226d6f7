using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Clocks;

/// <summary>Statutory clocks: the engine, the scanner and the endpoints.</summary>
public sealed class ClocksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddLianhuClocks();

    public void MapEndpoints(FeatureRoutes routes) => routes.Staff.MapClocks();
}
