using Lianhu.Web.Features.Admin;
using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Antiforgery;

namespace Lianhu.Web.Features.Notifications;

/// <summary>Registers e-mail notifications and the delivery-status view (one line each in the host).</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddLianhuNotifications(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookTargets>();
        // The connect step checks the address actually used (DNS rebinding); no redirects; no request
        // lines in the log (they carry the receiver's URL; the dispatcher logs event and agency ids).
        services.AddHttpClient(WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler { ConnectCallback = sp.GetRequiredService<WebhookTargets>().ConnectAsync, AllowAutoRedirect = false, UseProxy = false })
            .RemoveAllLoggers();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHostedService<WebhookScanner>();
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddScoped<MailOutbox>();
        services.AddScoped<MailClaimQueries>();
        services.AddScoped<SmtpMailTransport>();
        services.AddScoped<MailDispatcher>();
        services.AddHostedService<MailScanner>();
        services.AddScoped<ListDeliveries.Handler>();
        services.AddScoped<RetryDelivery.Handler>();
        services.AddScoped<SetAgencyDutyEmail.Handler>();
        services.AddScoped<SetUserEmail.Handler>();
        return services;
    }

    /// <summary>Maps the administrators' notification and address endpoints on the admin API group.</summary>
    public static void MapNotificationsAdmin(this IEndpointRouteBuilder admin)
    {
        WebhookAdmin.Map(admin);
        ListDeliveries.Map(admin);
        RetryDelivery.Map(admin);
        SetAgencyDutyEmail.Map(admin);
        SetUserEmail.Map(admin);
    }

    /// <summary>
    /// The status page's "retry now" button: an antiforgery-protected form post (cookie-authenticated)
    /// calling the same handler as the API, back to the page with <c>?retried=</c> or <c>?error=</c>.
    /// </summary>
    public static void MapNotificationsUi(this IEndpointRouteBuilder app) =>
        app.MapPost("/admin/notifications/{channel}/{id:guid}/retry", async (string channel, Guid id, RetryDelivery.Handler handler, CancellationToken ct) =>
        {
            const string back = "/admin/notifications?";
            try
            {
                return await handler.HandleAsync(channel, id, ct)
                    ? Results.LocalRedirect(back + "retried=" + id)
                    : Results.LocalRedirect(back + "error=notification.not-found");
            }
            catch (Domain.Common.DomainRuleViolationException ex)
            {
                return Results.LocalRedirect(back + "error=" + Uri.EscapeDataString(ex.Code));
            }
        }).NotACaseStep("a delivery of the admin's division: ids and status, never case content").RequireAuthorization(Policies.Sysadmin).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
}
