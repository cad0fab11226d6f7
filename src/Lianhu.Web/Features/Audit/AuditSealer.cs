using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Links newly written audit events into the hash chain. Events are inserted without a lock (in
/// the transaction of the change they record); sealing happens right after, in batches, by one
/// sealer at a time (PostgreSQL advisory lock; SQLite's single writer), so audited requests never
/// queue behind each other (ADR 0012).
/// </summary>
public sealed class AuditSealer(LianhuDbContext db, AuditAnchor anchor)
{
    private const long PostgresSealLock = 0x4C48_4155_4449_54; // "LHAUDIT"

    /// <summary>Seals pending events; returns how many were sealed.</summary>
    public async Task<int> SealPendingAsync(int batchSize = 1000, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var sealedNow = await SealBatchAsync(batchSize, ct);
            total += sealedNow;
            if (sealedNow < batchSize)
            {
                return total;
            }
        }
    }

    private async Task<int> SealBatchAsync(int batchSize, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresSealLock})", ct);
        }

        var pending = await db.AuditEvents.Where(e => e.ChainIndex == null).OrderBy(e => e.At).ThenBy(e => e.Id).Take(batchSize).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        var head = await db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
        var index = head?.ChainIndex ?? 0;
        var previous = head?.Hash ?? string.Empty;
        foreach (var e in pending)
        {
            e.Seal(++index, previous);
            previous = e.Hash!;
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        anchor.Write(index, previous);
        return pending.Count;
    }
}

/// <summary>Verifies the whole chain, streaming it in index order.</summary>
public sealed class AuditVerifier(LianhuDbContext db, AuditAnchor anchor)
{
    public sealed record Report(long Sealed, long Pending, ChainBreak? Break);

    public async Task<Report> VerifyAsync(CancellationToken ct = default)
    {
        var pending = await db.AuditEvents.LongCountAsync(e => e.ChainIndex == null, ct);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).AsAsyncEnumerable();
        long count = 0;
        ChainBreak? found = null;
        var expected = 1L;
        var previous = string.Empty;
        await foreach (var e in events.WithCancellation(ct))
        {
            count++;
            // Verify one event at a time against the running previous hash, so memory stays flat.
            found ??= AuditChain.VerifyNext(e, expected, previous);
            if (found is not null)
            {
                break;
            }

            previous = e.Hash!;
            expected++;
        }

        if (found is null)
        {
            found = anchor.Check(count, index =>
                db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex == index).Select(e => new { e.Id, e.Hash }).AsEnumerable()
                    .Select(e => ((Guid, string?)?)(e.Id, e.Hash)).FirstOrDefault());
        }

        return new Report(count, pending, found);
    }
}

/// <summary>Seals audit events every second or so while the service runs.</summary>
public sealed class AuditSealerService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AuditSealerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("Lianhu:Audit:SealMilliseconds", 1000));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(ct: stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // Another sealer won the race or the database is briefly unavailable: the next tick retries.
                logger.LogWarning("Audit sealing deferred: {ExceptionType}", ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
