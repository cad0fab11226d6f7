using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Inbox;

/// <summary>
/// The live inbox: a signal for an agency (or a user) pushed to their open pages over SignalR, and
/// on PostgreSQL passed between nodes with LISTEN/NOTIFY. It knows no feature; features publish to it.
/// </summary>
public sealed class InboxModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR();
        services.AddSingleton<InboxPublisher>();
        services.AddHostedService<InboxListener>();
    }

    public void MapEndpoints(FeatureRoutes routes) => routes.App.MapHub<InboxHub>(InboxHub.Path);
}
