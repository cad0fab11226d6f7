using Lianhu.Web.Features.PolicyFiles;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Alarms;

/// <summary>
/// The one-key alarm (ADR 0034): enrolment and revocation by the lead, the victim's discreet page
/// <c>/a/{token}</c>, urgent alerts pushed live to the police station and the community workstation,
/// their acknowledgement clock escalating to the district linkage centre, and outcomes.
/// </summary>
public sealed class AlarmsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var directory = PolicyCatalogue.DirectoryFrom(configuration);
        var local = Path.Combine(directory, "policies", "alarms.json");
        var file = File.Exists(local) ? local : Path.Combine(LianhuPaths.Config, "policies", "alarms.json");
        services.AddSingleton(_ => AlarmPolicy.Load(file));
        services.AddHostedService<PolicyCheck>();
        services.AddSingleton<AlarmRateLimit>();
        services.AddScoped<AlarmSecrets>();
        services.AddScoped<AlarmResponders>();
        services.AddScoped<RaiseAlert>();
        services.AddScoped<AlertEscalation>();
        services.AddHostedService<AlertEscalationScanner>();
        services.AddScoped<EnrolAlarm.Handler>();
        services.AddScoped<RevokeAlarm.Handler>();
        services.AddScoped<GetCaseAlarms.Handler>();
        services.AddScoped<RespondToAlert.Handler>();
        services.AddScoped<OpenAlerts.Handler>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        EnrolAlarm.Map(routes.Staff);
        RevokeAlarm.Map(routes.Staff);
        GetCaseAlarms.Map(routes.Staff);
        RespondToAlert.Map(routes.Staff);
        OpenAlerts.Map(routes.Staff);
        AlarmForms.Map(routes.App);
        AlarmPage.Map(routes.App);
    }

    /// <summary>Reads the policy when the host starts: a bad file stops the start, naming the file and the reason.</summary>
    private sealed class PolicyCheck(AlarmPolicy policy) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => policy is null ? throw new InvalidOperationException("No alarm policy.") : Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
