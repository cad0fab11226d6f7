using System.Threading.RateLimiting;
using Lianhu.Web.Features.PolicyFiles;
using Lianhu.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Lianhu.Web.Features.Consultation;

/// <summary>
/// The consultation assistant on the public help pages (ADR 0036): answers kept as data
/// (<c>config/consultation/</c>) and edited by administrators, retrieved with Lucene.Net's SmartCn
/// analyzer and a confidence threshold, danger words first, nothing she types kept.
/// </summary>
public sealed class ConsultationModule : IFeatureModule
{
    /// <summary>The rate-limit policy of the assistant's public endpoints (per client address).</summary>
    public const string RateLimit = "consultation";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var directory = PolicyCatalogue.DirectoryFrom(configuration);
        var local = Path.Combine(directory, "consultation");
        services.AddSingleton(_ => ConsultationContent.Load(Directory.Exists(local) ? local : Path.Combine(LianhuPaths.Config, "consultation")));
        services.AddSingleton<AnswerBook>();
        services.AddSingleton<Assistant>();
        services.AddScoped<EditAnswers.Handler>();
        services.AddScoped<HotlineQueue.Handler>();
        services.AddHostedService<ContentCheck>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            "ask:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = configuration.GetValue("Lianhu:RateLimits:ConsultationPerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
    }

    public void MapEndpoints(FeatureRoutes routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        AskAssistant.Map(routes.Open);
        EditAnswers.Map(routes.Admin);
        HotlineQueue.Map(routes.Staff, routes.App);
    }

    /// <summary>Reads the assistant's files when the host starts: a bad file stops the start, naming the file and the reason.</summary>
    private sealed class ContentCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = services.GetRequiredService<ConsultationContent>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
