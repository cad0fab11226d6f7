using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// A background sender that runs one sweep every <see cref="Interval"/> in a fresh DI scope while
/// <see cref="Enabled"/>; a failed sweep is logged by type and tried again on the next tick.
/// </summary>
public abstract class PeriodicSweep(IServiceScopeFactory scopes, ILogger log) : BackgroundService
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task SweepAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await SweepAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                log.LogWarning("{Sweep} failed ({Error}); retrying next tick.", GetType().Name, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
