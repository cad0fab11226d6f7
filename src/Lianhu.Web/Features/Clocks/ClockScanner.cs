using Lianhu.Domain.Clocks;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// The clock engine's heartbeat: every <c>Lianhu:Clocks:ScanSeconds</c> it runs one
/// <see cref="ClockSweep"/> in a fresh DI scope. Clocks are rows, so nothing is lost while no node
/// runs: the first scan after a restart fires whatever fell due meanwhile, once. Off with
/// <c>Lianhu:Clocks:Scanner=false</c>.
/// </summary>
/// <remarks>
/// Taking the rule catalogue here loads config/clocks/rules.json and the holiday calendar when the
/// host starts, so a broken file stops the start with the field it names instead of failing later.
/// </remarks>
public sealed class ClockScanner(
    IServiceScopeFactory scopes, IOptions<ClockEngineOptions> options, ClockNode node, ClockRuleCatalogue catalogue, ILogger<ClockScanner> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Scanner)
        {
            logger.LogInformation("Clock scanner disabled on node {Node}", node.Id);
            return;
        }

        logger.LogInformation("Clock scanner started on node {Node}, every {Seconds} s, {Rules} rules", node.Id, settings.ScanSeconds, catalogue.Rules.Count);
        // The beat is wall-clock pacing, not domain time: what is due is read from TimeProvider in the
        // sweep, so a test's FakeTimeProvider moves due times without stopping the beat (ADR 0026).
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.ScanSeconds));
        do
        {
            await ScanAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ScanAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ClockSweep>().RunOnceAsync(ct);
            if (result.Claimed > 0)
            {
                logger.LogInformation(
                    "Clock scan: {Claimed} claimed, {Reminded} reminded, {Breached} breached, {Lapsed} lapsed, {Lost} left to other nodes",
                    result.Claimed, result.Reminded, result.Breached, result.Lapsed, result.Lost);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Keep the heartbeat alive through a database outage; the next tick retries. Type only:
            // messages may carry data.
            logger.LogError("Clock scan failed on node {Node}: {ExceptionType}", node.Id, ex.GetType().Name);
        }
    }
}
