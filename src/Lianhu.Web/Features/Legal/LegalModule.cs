using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Legal;

/// <summary>Protection orders, warning letters, placements, legal follow-ups and their documents.</summary>
public sealed class LegalModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddLianhuLegal();

    public void MapEndpoints(FeatureRoutes routes)
    {
        routes.Staff.MapLegal();
        Documents.DocumentEndpoints.MapUi(routes.App);
    }
}
