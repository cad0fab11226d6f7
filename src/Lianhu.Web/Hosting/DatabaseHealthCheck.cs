using Lianhu.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lianhu.Web.Hosting;

/// <summary>Ready means the database answers.</summary>
public sealed class DatabaseHealthCheck(LianhuDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
