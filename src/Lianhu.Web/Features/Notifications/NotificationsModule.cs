using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Notifications;

/// <summary>Mail and webhooks: outboxes, dispatchers and the delivery status.</summary>
public sealed class NotificationsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddLianhuNotifications();

    public void MapEndpoints(FeatureRoutes routes)
    {
        routes.Admin.MapNotificationsAdmin();
        routes.App.MapNotificationsUi();
    }
}
