using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Legal.Documents;

namespace Lianhu.Web.Features.Legal;

/// <summary>Registers the legal instruments' services and endpoints (one line each in the host).</summary>
public static class LegalFeature
{
    public static IServiceCollection AddLianhuLegal(this IServiceCollection services)
    {
        services.AddScoped<LegalAccess>();

        services.AddScoped<AgencyDirectory>();
        services.AddScoped<ProtectionOrderReader>();
        services.AddScoped<ProtectionOrderCommand>();
        services.AddScoped<WarningLetterReader>();
        services.AddScoped<Steps.ICaseListener<Intake.CaseOpened>, CaseClockHooks>();
        services.AddScoped<FileProtectionOrder.Handler>();
        services.AddScoped<AcceptProtectionOrder.Handler>();
        services.AddScoped<IssueProtectionOrder.Handler>();
        services.AddScoped<RejectProtectionOrder.Handler>();
        services.AddScoped<AmendProtectionOrder.Handler>();
        services.AddScoped<RecordOrderService.Handler>();
        services.AddScoped<VerifyProtectionOrder.Handler>();
        services.AddScoped<ReportOrderViolation.Handler>();
        services.AddScoped<AnswerOrderBreach.Handler>();
        services.AddScoped<GetProtectionOrder.Handler>();
        services.AddScoped<CloseFollowUp.Handler>();
        services.AddScoped<IssueWarningLetter.Handler>();
        services.AddScoped<WarningLetterSteps.Handler>();
        services.AddScoped<Placements.Handler>();
        services.AddScoped<GetCaseLegal.Handler>();
        services.AddScoped<StartMinorGreenChannel.Handler>();
        services.AddSingleton<PdfEngine>();
        services.AddScoped<LegalDocuments>();
        services.AddScoped<DocumentEndpoints.Recorder>();
        return services;
    }

    /// <summary>Maps the legal endpoints on the staff API group.</summary>
    public static void MapLegal(this IEndpointRouteBuilder api)
    {
        FileProtectionOrder.Map(api);
        AcceptProtectionOrder.Map(api);
        IssueProtectionOrder.Map(api);
        RejectProtectionOrder.Map(api);
        AmendProtectionOrder.Map(api);
        RecordOrderService.Map(api);
        VerifyProtectionOrder.Map(api);
        ReportOrderViolation.Map(api);
        AnswerOrderBreach.Map(api);
        GetProtectionOrder.Map(api);
        CloseFollowUp.Map(api);
        IssueWarningLetter.Map(api);
        WarningLetterSteps.Map(api);
        Placements.Map(api);
        GetCaseLegal.Map(api);
        StartMinorGreenChannel.Map(api);
        DocumentEndpoints.MapApi(api);
    }
}
