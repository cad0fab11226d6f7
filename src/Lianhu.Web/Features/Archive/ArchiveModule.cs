using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Archive;

/// <summary>The family archive and closure feedback.</summary>
public sealed class ArchiveModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddArchive();

    public void MapEndpoints(FeatureRoutes routes)
    {
        routes.Staff.MapArchive();
        ArchiveForms.Map(routes.App);
    }
}
