using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Sharing;

/// <summary>Consent and legal bases for sharing with non-statutory bodies.</summary>
public sealed class SharingModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddLianhuSharing();

    public void MapEndpoints(FeatureRoutes routes) => routes.Staff.MapSharing();
}
