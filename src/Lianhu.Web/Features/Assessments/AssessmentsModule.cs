using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Assessments;

/// <summary>Risk assessments on a case and the reassessment clock.</summary>
public sealed class AssessmentsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CreateAssessment.Handler>();
        services.AddScoped<ReassessmentClock>();
        services.AddScoped<ListAssessments.Handler>();
        services.AddScoped<GetAssessment.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        CreateAssessment.Map(routes.Staff);
        ListAssessments.Map(routes.Staff);
        GetAssessment.Map(routes.Staff);
    }
}
