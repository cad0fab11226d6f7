using Lianhu.Web.Api;
using Lianhu.Web.Components;
using Lianhu.Web.Features.Admin;
using Lianhu.Web.Features.Archive;
using Lianhu.Web.Features.Assessments;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Auth;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Closure;
using Lianhu.Web.Features.Divisions;
using Lianhu.Web.Features.Instruments;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Legal;
using Lianhu.Web.Features.Linkage;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Features.Sharing;
using Lianhu.Web.Features.Visits;
using Lianhu.Web.Localization;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;

namespace Lianhu.Web.Hosting;

/// <summary>The request pipeline and every endpoint of the service.</summary>
public static class LianhuPipeline
{
    public static WebApplication UseLianhu(this WebApplication app)
    {
        // Behind a known TLS proxy, the client's address and scheme first: audit, rate limits and cookies see them (ADR 0024).
        if (ProxyOptions.From(app.Configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        // Culture first, so errors caught by the exception handler are still in the caller's language.
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(JsonStringLocalizer.DefaultCulture).AddSupportedCultures(JsonStringLocalizer.Cultures).AddSupportedUICultures(JsonStringLocalizer.Cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
        });
        app.UseExceptionHandler();
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        if (Directory.Exists(LianhuPaths.WebRoot))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(LianhuPaths.WebRoot) });
        }

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Identity.SessionCheck>(); // a locked account's token and cookie end here (ADR 0024)
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Lianhu API v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Lianhu API";
        });

        var open = app.MapGroup("/api/v1");
        IssueToken.Map(open);

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Staff);
        OpenCase.Map(api);
        GetCase.Map(api);
        ListCases.Map(api);
        ListDivisions.Map(api);
        ListAgencies.Map(api);
        ListInstruments.Map(api);
        GetInstrument.Map(api);
        ScoreInstrument.Map(api);
        CreateInstrument.Map(api); // publishing: own policy (InstrumentPublishers)
        PublishInstrumentVersion.Map(api);
        CreateAssessment.Map(api);
        ListAssessments.Map(api);
        GetAssessment.Map(api);
        api.MapClocks();
        api.MapLegal();
        CaseViewers.Map(api);
        BreakGlass.Map(api);
        CaseClosure.Map(api);
        api.MapArchive();
        RecordVisit.Map(api);
        api.MapLinkage();
        api.MapSharing();

        var auditors = app.MapGroup("/api/v1").RequireAuthorization(Policies.Auditor).NotACaseStep("the audit log: auditors read traces, never case content");
        ListAuditEvents.Map(auditors);
        IntakeEndpoints.Map(api);

        var admin = app.MapGroup("/api/v1").RequireAuthorization(Policies.Sysadmin).NotACaseStep("administration: accounts, agencies and deliveries of the admin's division, never case content");
        CreateAgency.Map(admin);
        ListUsers.Map(admin);
        CreateUser.Map(admin);
        SetUserLock.Map(admin);
        SetUserRoles.Map(admin);
        RoleRequests.Map(admin);
        admin.MapLinkageAdmin();
        Features.Retention.RetentionReport.Map(admin);
        admin.MapNotificationsAdmin();

        UiEndpoints.Map(app);
        Features.Legal.Documents.DocumentEndpoints.MapUi(app);
        Features.Persons.PersonForms.Map(app);
        Features.Archive.ArchiveForms.Map(app);
        app.MapLinkageUi();
        app.MapNotificationsUi();
        app.MapRazorComponents<App>();
        return app;
    }
}
