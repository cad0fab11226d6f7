using Lianhu.Web.Features.Intake;
using Lianhu.Web.Hosting;
using Lianhu.Web.Steps;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The public door (issue 16, ADR 0033): the person's own report and status by receipt, without sign-in.
/// Pages live in <c>Components/Pages/Help</c>; the host gives <c>/help</c> its layout, headers and limits.
/// </summary>
public sealed class HelpModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HelpOptions>(configuration.GetSection(HelpOptions.Section));
        services.AddMemoryCache();
        services.AddSingleton<FormTokens>();
        services.AddSingleton<HelpPlaces>();
        services.AddScoped<SelfReportDraft>();
        services.AddScoped<ICaseListener<CaseOpened>, SelfReportOpened>();
        services.AddScoped<SubmitSelfReport.Handler>();
        services.AddScoped<ReceiptCheck>();
        services.AddScoped<CheckStatus.Handler>();
        services.AddScoped<HandOffQuestion.Handler>();
        services.AddScoped<ReadReply.Handler>();
        services.AddScoped<SafeContact>();
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        SubmitSelfReport.Map(routes.Open);
        CheckStatus.Map(routes.Open);
        HandOffQuestion.Map(routes.Open);
        ReadReply.Map(routes.Open);
    }
}
