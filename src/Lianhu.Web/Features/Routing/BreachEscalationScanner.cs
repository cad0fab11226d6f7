using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Runs <see cref="BreachEscalations"/> in a fresh scope on the clock engine's beat
/// (<c>Lianhu:Clocks:ScanSeconds</c>); off with the clock scanner (<c>Lianhu:Clocks:Scanner=false</c>).
/// Breaches are rows, so nothing is lost while no node runs.
/// </summary>
public sealed class BreachEscalationScanner(IServiceScopeFactory scopes, IOptions<ClockEngineOptions> options, ILogger<BreachEscalationScanner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Scanner)
        {
            return;
        }

        // The beat is wall-clock pacing, not domain time: what is due is read from TimeProvider in the
        // sweep, so a test's FakeTimeProvider moves due times without stopping the beat (ADR 0026).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ScanSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<BreachEscalations>().RunOnceAsync(stoppingToken);
                if (result.Escalated + result.Skipped > 0)
                {
                    logger.LogInformation("Breach escalation: {Escalated} tasks, {Skipped} without a centre, {Lost} left to other nodes", result.Escalated, result.Skipped, result.Lost);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Keep the beat through a database outage; type only, messages may carry data.
                logger.LogError("Breach escalation failed: {ExceptionType}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
