using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Divisions;

/// <summary>Administrative divisions: the importer and the list the pickers read.</summary>
public sealed class DivisionsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<DivisionImporter>();

    public void MapEndpoints(FeatureRoutes routes) => ListDivisions.Map(routes.Staff);
}
