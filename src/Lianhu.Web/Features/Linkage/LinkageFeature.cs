using Lianhu.Domain.Linkage;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Linkage;

/// <summary>Registers the linkage feature's services and endpoints (one line each in the host).</summary>
public static class LinkageFeature
{
    public static IServiceCollection AddLianhuLinkage(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<InboxPublisher>();
        services.AddHostedService<InboxListener>();
        services.AddScoped<GetInbox.Handler>();
        services.AddScoped<TaskRequests>();
        services.AddScoped<BreachEscalations>();
        services.AddHostedService<BreachEscalationScanner>();
        services.AddScoped<ConferenceScheduler>();
        services.AddScoped<CaseConferences.Handler>();
        services.AddScoped<CancelConference.Handler>();
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
        services.AddScoped<TaskRequestFlow>();
        services.AddScoped<RequestLeadTransfer.Handler>();
        services.AddScoped<EscalateCase.Handler>();
        services.AddScoped<LeadTransferTargets>();
        services.AddScoped<GetCaseLinkage.Handler>();
        services.AddScoped<ListConferences.Handler>();
        services.AddScoped<CaseRouting>();
        services.AddScoped<IntakeRoutingInputs>();
        services.AddScoped<TaskMoves>();
        services.AddScoped<ListCaseTasks.Handler>();
        services.AddScoped<RouteCase.Handler>();
        services.AddScoped<AcceptTask.Handler>();
        services.AddScoped<StartTask.Handler>();
        services.AddScoped<DeclineTask.Handler>();
        services.AddScoped<CompleteTask.Handler>();
        services.AddScoped<CancelTask.Handler>();
        services.AddScoped<ReassignTask.Handler>();
        return services;
    }

    /// <summary>Maps the linkage endpoints on the staff API group.</summary>
    public static void MapLinkage(this IEndpointRouteBuilder api)
    {
        ListCaseTasks.Map(api);
        RouteCase.Map(api);
        AcceptTask.Map(api);
        StartTask.Map(api);
        DeclineTask.Map(api);
        CompleteTask.Map(api);
        CancelTask.Map(api);
        ReassignTask.Map(api);
        GetInbox.Map(api);
        RequestLeadTransfer.Map(api);
        EscalateCase.Map(api);
        CaseConferences.Map(api);
        CancelConference.Map(api);
        GetCaseLinkage.Map(api);
        ListConferences.Map(api);
    }

    /// <summary>Maps the administrators' notification endpoints on the admin API group.</summary>
    public static void MapLinkageAdmin(this IEndpointRouteBuilder admin) => WebhookAdmin.Map(admin);

    /// <summary>Maps the live inbox hub and the inbox page's form posts (cookie-authenticated, outside the API).</summary>
    public static void MapLinkageUi(this IEndpointRouteBuilder app)
    {
        app.MapHub<InboxHub>(InboxHub.Path);
        InboxForms.Map(app);
        CaseLinkageForms.Map(app);
    }
}
