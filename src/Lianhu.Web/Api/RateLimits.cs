using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Lianhu.Web.Api;

/// <summary>Rate-limit policies: sign-in and token endpoints are limited per client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddLianhuRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Lianhu:RateLimits:SignInPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // The sign-in page posts to a Razor component endpoint; the same limit applies to it.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "signin:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Lianhu:RateLimits:SignInPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
        });
        return services;
    }
}
