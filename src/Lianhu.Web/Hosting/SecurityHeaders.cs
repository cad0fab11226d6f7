namespace Lianhu.Web.Hosting;

/// <summary>
/// Security headers on every response: no inline script (CSP), no framing, no MIME sniffing,
/// no referrer leaking case ids, HSTS when served over TLS; and no copy kept by a browser or proxy
/// (<c>Cache-Control: no-store</c>) of any API answer — tokens, case JSON — or of anything served to a
/// signed-in user (pages, PDFs), or of any public page.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI's page carries inline bootstrapping script and styles of its own.
    private const string SwaggerCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerCsp : Csp;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        context.Response.OnStarting(NoStore, context);
        return next(context);
    }

    private static Task NoStore(object state)
    {
        var context = (HttpContext)state;
        // The public door too: a phone's browser must keep no copy of a page she saw (ADR 0033).
        if (context.Request.Path.StartsWithSegments("/api") || PublicPages.Is(context.Request.Path) || context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers.Pragma = "no-cache";
        }

        return Task.CompletedTask;
    }
}
