namespace Lianhu.Web.Features.Intake;

/// <summary>Deletes expired Idempotency-Key records every hour (a fresh scope per run).</summary>
public sealed class IdempotencyPurge(IServiceScopeFactory scopes, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wall-clock pacing; expiry itself is decided from TimeProvider in the store (ADR 0026).
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PurgeExpiredAsync(stoppingToken);
            if (removed > 0)
            {
                logger.LogInformation("Removed {Count} expired idempotency keys", removed);
            }
        }
    }
}
