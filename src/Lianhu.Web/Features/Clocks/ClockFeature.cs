using Lianhu.Domain.Clocks;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Clocks;

/// <summary>Registers the clock feature's services and endpoints (one line each in the host).</summary>
public static class ClockFeature
{
    public static IServiceCollection AddLianhuClocks(this IServiceCollection services)
    {
        services.AddOptions<ClockEngineOptions>()
            .BindConfiguration(ClockEngineOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid Lianhu:Clocks settings")
            .ValidateOnStart();
        // The rule catalogue is read with every other policy file, honouring RulesFile/CalendarFile (Features/PolicyFiles).
        services.AddSingleton<ClockNode>();
        services.AddScoped<ClockClaimQueries>();
        services.AddScoped<ClockEscalation>();
        services.AddScoped<ClockSweep>();
        services.AddScoped<LegalClocks>();
        services.AddScoped<StartClock.Handler>();
        services.AddScoped<ListCaseClocks.Handler>();
        services.AddScoped<GetClock.Handler>();
        services.AddScoped<CompleteClock.Handler>();
        services.AddHostedService<ClockScanner>();
        return services;
    }

    /// <summary>Maps the clock endpoints on the staff API group.</summary>
    public static void MapClocks(this IEndpointRouteBuilder api)
    {
        ListClockRules.Map(api);
        ComputeClock.Map(api);
        StartClock.Map(api);
        ListCaseClocks.Map(api);
        GetClock.Map(api);
        CompleteClock.Map(api);
    }
}
