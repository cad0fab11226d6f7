using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>
/// On the 1st of each month (Asia/Shanghai) makes the previous month's bulletin for every linkage
/// centre's division, once: a division that has one for that month is skipped, and when two nodes
/// race, the unique index lets one save and the other counts the conflict as done. Checks hourly,
/// so a node that was down on the 1st catches up when it starts during the month's first day.
/// </summary>
public sealed class MonthlyBulletins(IServiceScopeFactory scopes, TimeProvider time, ILogger<MonthlyBulletins> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                if (Domain.Clocks.ShanghaiTime.DayOf(time.GetUtcNow()).Day == 1)
                {
                    await RunAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The monthly bulletins failed; the next hour tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Makes the previous month's version 1 for each linkage centre's division that has none; returns how many were made.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var maker = scope.ServiceProvider.GetRequiredService<BulletinMaker>();
        var period = BulletinMaker.PreviousMonth(time.GetUtcNow());
        var centres = await db.Agencies.AsNoTracking().Where(a => a.Type == AgencyType.LinkageCentre && a.IsActive).OrderBy(a => a.DivisionCode).ToListAsync(ct);
        var made = 0;
        foreach (var centre in centres.DistinctBy(c => c.DivisionCode))
        {
            if (await maker.MakeAsync(centre, period, by: null, onlyFirst: true, ct) is not null)
            {
                made++;
            }
        }

        if (made > 0)
        {
            logger.LogInformation("Made {Count} bulletins for {Period}", made, period);
        }

        return made;
    }
}
