using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Tasks;

/// <summary>Tasks on a case: the moves of their holders, requests between agencies, clocks and holds, and the work queue.</summary>
public sealed class TasksModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TaskClocks>();
        services.AddScoped<TaskMoves>();
        services.AddScoped<TaskRequests>();
        services.AddScoped<TaskRequestFlow>();
        services.AddScoped<GetInbox.Handler>();
        services.AddScoped<ListCaseTasks.Handler>();
        services.AddScoped<AcceptTask.Handler>();
        services.AddScoped<StartTask.Handler>();
        services.AddScoped<DeclineTask.Handler>();
        services.AddScoped<CompleteTask.Handler>();
        services.AddScoped<CancelTask.Handler>();
        services.AddScoped<ReassignTask.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ListCaseTasks.Map(routes.Staff);
        AcceptTask.Map(routes.Staff);
        StartTask.Map(routes.Staff);
        DeclineTask.Map(routes.Staff);
        CompleteTask.Map(routes.Staff);
        CancelTask.Map(routes.Staff);
        ReassignTask.Map(routes.Staff);
        GetInbox.Map(routes.Staff);
        InboxForms.Map(routes.App);
    }
}
