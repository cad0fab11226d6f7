using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Conferences;

/// <summary>Case conferences: scheduled when a case is high-risk or referred, or called on demand; decisions become tasks.</summary>
public sealed class ConferencesModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ConferenceScheduler>();
        services.AddScoped<CaseConferences.Handler>();
        services.AddScoped<CancelConference.Handler>();
        services.AddScoped<ListConferences.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        CaseConferences.Map(routes.Staff);
        CancelConference.Map(routes.Staff);
        ListConferences.Map(routes.Staff);
    }
}
