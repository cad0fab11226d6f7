using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Routing a case to its agencies (after every assessment, and by hand), lead transfers,
/// escalation up and down the tiers, breach escalation, and the case page's linkage panel.
/// </summary>
public sealed class RoutingModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CaseRouting>();
        services.AddScoped<IntakeRoutingInputs>();
        services.AddScoped<ICaseListener<Assessments.AssessmentRecorded>, RouteAfterAssessment>();
        services.AddScoped<BreachEscalations>();
        services.AddHostedService<BreachEscalationScanner>();
        services.AddScoped<RequestLeadTransfer.Handler>();
        services.AddScoped<EscalateCase.Handler>();
        services.AddScoped<LeadTransferTargets>();
        services.AddScoped<GetCaseLinkage.Handler>();
        services.AddScoped<RouteCase.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        RouteCase.Map(routes.Staff);
        RequestLeadTransfer.Map(routes.Staff);
        EscalateCase.Map(routes.Staff);
        GetCaseLinkage.Map(routes.Staff);
        CaseLinkageForms.Map(routes.App);
    }
}
