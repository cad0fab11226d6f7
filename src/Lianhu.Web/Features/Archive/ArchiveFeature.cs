namespace Lianhu.Web.Features.Archive;

/// <summary>The family archive and closure feedback: services and endpoints.</summary>
public static class ArchiveFeature
{
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddScoped<Households>();
        services.AddScoped<ArchiveReader>();
        services.AddScoped<ListHouseholds.Handler>();
        services.AddScoped<GetHousehold.Handler>();
        services.AddScoped<ClosureFeedback>();
        services.AddScoped<Steps.ICaseListener<Closure.CaseClosed>>(sp => sp.GetRequiredService<ClosureFeedback>());
        services.AddScoped<ListFeedback.Handler>();
        return services;
    }

    public static void MapArchive(this IEndpointRouteBuilder api)
    {
        ListHouseholds.Map(api);
        GetHousehold.Map(api);
        ListFeedback.Map(api);
    }
}
