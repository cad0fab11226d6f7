using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Search;

/// <summary>Case search: the API, the search page and the header's box.</summary>
public sealed class SearchModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<SearchCases.Handler>();

    public void MapEndpoints(FeatureRoutes routes) => SearchCases.Map(routes.Staff);
}
