using System.Threading.RateLimiting;
using Lianhu.Web.Hosting;
using Lianhu.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace Lianhu.Web.Api;

/// <summary>
/// Rate-limit policies: sign-in and token endpoints are limited per client address; the public door
/// (<c>/help</c>, ADR 0033) per client address — every request, and form posts more tightly — and as a
/// whole by how many of its requests run at once, so a flood from many addresses cannot take the
/// threads and the database from staff. Limits are configuration (<c>Lianhu:RateLimits:*</c>).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddLianhuRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("Lianhu:RateLimits:SignInPerMinute", 30);
        var help = new PublicLimits(
            configuration.GetValue("Lianhu:RateLimits:HelpPerMinute", 60),
            configuration.GetValue("Lianhu:RateLimits:HelpPostsPerMinute", 10),
            configuration.GetValue("Lianhu:RateLimits:HelpConcurrency", 2),
            configuration.GetValue("Lianhu:RateLimits:HelpQueue", 4));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                Address(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                // The sign-in page posts to a Razor component endpoint; the same limit applies to it.
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            "signin:" + Address(http),
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                        : RateLimitPartition.GetNoLimiter("none")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => PublicPages.Is(http.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "help:" + Address(http),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = help.PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => PublicPages.Is(http.Request.Path) && HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "help-post:" + Address(http),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = help.PostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none")),
                // All public requests together: however many addresses send them, only this many run at once.
                PartitionedRateLimiter.Create<HttpContext, string>(http => PublicPages.Is(http.Request.Path)
                    ? RateLimitPartition.GetConcurrencyLimiter(
                        "help-all",
                        _ => new ConcurrencyLimiterOptions { PermitLimit = help.Concurrency, QueueLimit = help.Queue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })
                    : RateLimitPartition.GetNoLimiter("none")));
            options.OnRejected = (context, ct) => PublicPages.Is(context.HttpContext.Request.Path)
                ? TooManyAsync(context.HttpContext, ct)
                : ValueTask.CompletedTask;
        });
        return services;
    }

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// The public door's answer to too many requests: the same calm sentence whatever was asked,
    /// ProblemDetails for the API and a bare neutral page otherwise (no staff layout, no script).
    /// </summary>
    private static async ValueTask TooManyAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.RetryAfter = "60";
        var text = new JsonStringLocalizer();
        var message = text["help.too-many"].Value;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.Response.WriteAsJsonAsync(
                new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = text["help.too-many-title"].Value, Detail = message },
                (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json",
                ct);
            return;
        }

        var lang = JsonStringLocalizer.CultureKey() == "en" ? "en" : "zh-CN";
        var html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{html.Encode(text["help.site-title"].Value)}</title><link rel=\"icon\" href=\"/img/everyday.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/css/help.css\"></head>"
            + $"<body><main class=\"help-main\"><h1 class=\"h5\">{html.Encode(text["help.too-many-title"].Value)}</h1><p data-testid=\"help-too-many\">{html.Encode(message)}</p></main></body></html>",
            ct);
    }

    private sealed record PublicLimits(int PerMinute, int PostsPerMinute, int Concurrency, int Queue);
}
