using Lianhu.Web.Api;
using Lianhu.Web.Components;
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
            // Public pages pick their language with ?lang= and never set the culture cookie (ADR 0033).
            o.RequestCultureProviders.Insert(0, new Microsoft.AspNetCore.Localization.QueryStringRequestCultureProvider { QueryStringKey = PublicPages.LanguageKey, UIQueryStringKey = PublicPages.LanguageKey });
        });
        app.UseExceptionHandler();
        // API clients (the API, and a hub reached with a bearer token) hear status codes as ProblemDetails, not as a page.
        app.UseWhen(IsApiClient, api => api.UseStatusCodePages());
        app.UseWhen(ctx => !IsApiClient(ctx) && !PublicPages.Is(ctx.Request.Path), ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        // A public page never falls into the staff error page (staff layout, the service's name); its unknown
        // addresses are a catch-all public page (Components/Pages/Help/HelpError.razor).
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
        var staff = app.MapGroup("/api/v1").RequireAuthorization(Policies.Staff);
        var auditors = app.MapGroup("/api/v1").RequireAuthorization(Policies.Auditor).NotACaseStep("the audit log: auditors read traces, never case content");
        var admin = app.MapGroup("/api/v1").RequireAuthorization(Policies.Sysadmin).NotACaseStep("administration: accounts, agencies and deliveries of the admin's division, never case content");
        var routes = new FeatureRoutes(app, open, staff, auditors, admin);
        foreach (var module in FeatureModules.All)
        {
            module.MapEndpoints(routes);
        }

        UiEndpoints.Map(app);
        app.MapRazorComponents<App>();
        return app;
    }

    private static bool IsApiClient(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api") || Identity.HubBearer.Carries(ctx.Request);
}
