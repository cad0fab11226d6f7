using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Visits;

/// <summary>Return visits: planned as tasks, recorded by the visiting agency.</summary>
public sealed class VisitsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<VisitPlanner>();
        services.AddScoped<Steps.ICaseListener<Assessments.AssessmentRecorded>, PlanVisitsAfterAssessment>();
        services.AddScoped<ReturnVisitTasks>();
        services.AddScoped<RecordVisit.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes) => RecordVisit.Map(routes.Staff);
}
