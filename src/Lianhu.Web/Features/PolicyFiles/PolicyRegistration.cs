using Lianhu.Web.Features.Clocks;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.PolicyFiles;

/// <summary>
/// Registers the <see cref="PolicyCatalogue"/> and hands each feature its policy from it — the one
/// place policy files are read, so no feature loads a file of its own (ADR 0025).
/// </summary>
public static class PolicyRegistration
{
    public static IServiceCollection AddLianhuPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp =>
        {
            var clocks = sp.GetRequiredService<IOptions<ClockEngineOptions>>().Value;
            return PolicyCatalogue.Load(PolicyCatalogue.DirectoryFrom(configuration), clocks.RulesFile, clocks.CalendarFile);
        });
        // Registered before every other background service: an invalid file stops the start first.
        services.AddHostedService<PolicyCatalogueCheck>();
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().Sections);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().IntakeChannels);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().Routing);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().Sharing);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().RiskHandling);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().Retention);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().Clocks);
        services.AddSingleton(sp => sp.GetRequiredService<PolicyCatalogue>().ReturnVisits);
        return services;
    }
}
