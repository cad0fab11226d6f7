using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Audit;

/// <summary>The audit trail: recorder, sealer, anchor, verifier and the auditors' log.</summary>
public sealed class AuditModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditSealer>();
        services.AddSingleton<AuditAnchor>();
        services.AddSingleton<AuditSignature>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<ListAuditEvents.Handler>();
        services.AddHostedService<AuditSealerService>();
    }

    public void MapEndpoints(FeatureRoutes routes) => ListAuditEvents.Map(routes.Auditors);
}
