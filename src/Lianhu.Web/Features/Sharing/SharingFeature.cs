using Lianhu.Domain.Sharing;
using Lianhu.Web.Hosting;

namespace Lianhu.Web.Features.Sharing;

/// <summary>Registers consent and legal basis for sharing (issue 6 item 8): the policy, handlers and endpoints.</summary>
public static class SharingFeature
{
    public static IServiceCollection AddLianhuSharing(this IServiceCollection services)
    {
        services.AddScoped<ListConsents.Handler>();
        services.AddScoped<RecordConsent.Handler>();
        services.AddScoped<WithdrawConsent.Handler>();
        return services;
    }

    public static void MapSharing(this IEndpointRouteBuilder api)
    {
        ListConsents.Map(api);
        RecordConsent.Map(api);
        WithdrawConsent.Map(api);
    }
}
