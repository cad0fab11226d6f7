using System.Collections.Concurrent;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Links newly written audit events into the hash chain. Events are inserted without a lock (in
/// the transaction of the change they record); sealing happens right after, in batches, by one
/// sealer at a time (PostgreSQL advisory lock; SQLite's single writer), so audited requests never
/// queue behind each other (ADR 0012). An event whose MAC does not verify — a row written into the
/// database by anything but the application — is never sealed (ADR 0023).
/// </summary>
public sealed class AuditSealer(LianhuDbContext db, AuditAnchor anchor, AuditSignature signature, ILogger<AuditSealer> logger)
{
    private const long PostgresSealLock = 0x4C48_4155_4449_54; // "LHAUDIT"

    /// <summary>On SQLite a batch holds the single writer; a few hundred events keep that to a few milliseconds.</summary>
    private const int SqliteBatch = 250;

    /// <summary>What a batch reports as read when another sealer moved the head before it could stamp.</summary>
    private const int LostRace = -1;

    /// <summary>Events refused in this process: left out of the pending query so they never stall the sealer, and warned about once.</summary>
    private static readonly ConcurrentDictionary<Guid, byte> Refused = new();

    /// <summary>Seals pending events; returns how many were sealed.</summary>
    public async Task<int> SealPendingAsync(int batchSize = 1000, CancellationToken ct = default)
    {
        var total = 0;
        var raced = 0;
        batchSize = db.Database.IsNpgsql() ? batchSize : Math.Min(batchSize, SqliteBatch);
        while (true)
        {
            var (sealedNow, read) = await SealBatchAsync(batchSize, ct);
            total += sealedNow;
            if (read == LostRace && ++raced <= 10)
            {
                continue; // another sealer moved the head meanwhile: chain what is still pending onto the new one
            }

            if (read < batchSize)
            {
                return total;
            }
        }
    }

    private async Task<(int Sealed, int Read)> SealBatchAsync(int batchSize, CancellationToken ct)
    {
        await anchor.Moving.WaitAsync(ct);
        try
        {
            return await SealBatchHoldingAnchorAsync(batchSize, ct);
        }
        finally
        {
            anchor.Moving.Release();
        }
    }

    private async Task<(int Sealed, int Read)> SealBatchHoldingAnchorAsync(int batchSize, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await SealBatchOnSqliteAsync(batchSize, ct);
        }

        Chained chained;
        await using (var tx = await db.BeginWriteTransactionAsync(ct))
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresSealLock})", ct);
            chained = await ChainAsync(batchSize, ct);
            if (chained.Pending.Count == 0)
            {
                return (0, chained.Read);
            }

            await StampAsync(chained.Pending, ct);
            await tx.CommitAsync(ct);
        }

        await AnchorAsync(chained, ct);
        return (chained.Pending.Count, chained.Read);
    }

    /// <summary>
    /// SQLite: one node, one sealer, so the batch is read and hashed before queueing for the single
    /// writer, which is then held only for the stamp and its commit — a sealer holding the writer
    /// while reading hundreds of events made every intake behind it wait (the p99 of the intake
    /// benchmark). The head is checked again under the writer; a stamp that finds a row already
    /// sealed fails the batch.
    /// </summary>
    private async Task<(int Sealed, int Read)> SealBatchOnSqliteAsync(int batchSize, CancellationToken ct)
    {
        var chained = await ChainAsync(batchSize, ct);
        if (chained.Pending.Count == 0)
        {
            return (0, chained.Read);
        }

        await using (var tx = await db.BeginWriteTransactionAsync(ct))
        {
            if (await HeadIndexAsync(ct) != chained.PreviousIndex)
            {
                return (0, LostRace); // someone else sealed meanwhile
            }

            if (await StampRowsAsync(chained.Pending, ct) != chained.Pending.Count)
            {
                return (0, LostRace); // another sealer stamped some of these rows first: roll back (no commit) and chain again
            }

            await tx.CommitAsync(ct);
        }

        await AnchorAsync(chained, ct);
        return (chained.Pending.Count, chained.Read);
    }

    /// <summary>A batch sealed in memory: the events, the head before and after, and how many pending rows were read.</summary>
    private sealed record Chained(List<AuditEvent> Pending, long PreviousIndex, long Index, string Hash, Guid HeadId, int Read);

    /// <summary>The oldest pending events with a valid MAC, sealed in memory onto the current head; and the new head.</summary>
    private async Task<Chained> ChainAsync(int batchSize, CancellationToken ct)
    {
        var refused = Refused.Keys.ToList();
        var read = await db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex == null && !refused.Contains(e.Id))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(batchSize).ToListAsync(ct);
        var pending = new List<AuditEvent>(read.Count);
        foreach (var e in read)
        {
            if (signature.IsValid(e))
            {
                pending.Add(e);
            }
            else if (Refused.TryAdd(e.Id, 0))
            {
                logger.LogWarning("Audit event {EventId} has no valid MAC: not sealed (written outside the application?); 'lianhu audit verify' reports it", e.Id);
            }
        }

        if (pending.Count == 0)
        {
            return new Chained(pending, 0, 0, string.Empty, Guid.Empty, read.Count);
        }

        var head = await db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex != null).OrderByDescending(e => e.ChainIndex)
            .Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
        var previousIndex = head?.ChainIndex ?? 0;
        var index = previousIndex;
        var previous = head?.Hash ?? string.Empty;
        foreach (var e in pending)
        {
            e.Seal(++index, previous);
            previous = e.Hash!;
        }

        return new Chained(pending, previousIndex, index, previous, pending[^1].Id, read.Count);
    }

    /// <summary>
    /// Moves the anchor to the new head — but never re-creates a missing anchor, nor replaces a
    /// forged one, over a chain that already had sealed events: that would bless whatever was
    /// deleted before. An anchor from before MACs is replaced only while no sealed event has a MAC.
    /// </summary>
    private async Task AnchorAsync(Chained chained, CancellationToken ct)
    {
        var current = anchor.Read();
        var mayWrite = current switch
        {
            null => chained.PreviousIndex == 0,
            { Signed: true } => true,
            { Legacy: true } => !await db.AuditEvents.AnyAsync(e => e.ChainIndex != null && e.ChainIndex <= chained.PreviousIndex && e.Mac != null, ct),
            _ => false,
        };
        if (mayWrite)
        {
            anchor.Write(chained.Index, chained.Hash, chained.HeadId);
        }
        else
        {
            logger.LogError("The audit anchor is missing or not signed by this key ring: it is not re-created; run 'lianhu audit verify'");
        }
    }

    private async Task<long> HeadIndexAsync(CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex != null).MaxAsync(e => e.ChainIndex, ct) ?? 0;

    /// <summary>
    /// One set-based statement for the batch rather than one UPDATE per event: sealing is
    /// background work that competes with every request for the database (and, on SQLite, for its
    /// single writer), so it has to stay cheap at hundreds of events a second.
    /// </summary>
    private async Task StampAsync(List<AuditEvent> events, CancellationToken ct)
    {
        var updated = await StampRowsAsync(events, ct);
        if (updated != events.Count)
        {
            throw new InvalidOperationException($"Sealed {updated} audit events of {events.Count}: another sealer got there first.");
        }
    }

    private Task<int> StampRowsAsync(List<AuditEvent> events, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var ids = events.Select(e => e.Id).ToArray();
            var indexes = events.Select(e => e.ChainIndex!.Value).ToArray();
            var previous = events.Select(e => e.PreviousHash!).ToArray();
            var hashes = events.Select(e => e.Hash!).ToArray();
            return db.Database.ExecuteSqlAsync($"""
                UPDATE audit_events AS a SET "ChainIndex" = s.i, "PreviousHash" = s.p, "Hash" = s.h
                FROM unnest({ids}, {indexes}, {previous}, {hashes}) AS s(id, i, p, h)
                WHERE a."Id" = s.id AND a."ChainIndex" IS NULL
                """, ct);
        }

        // SQLite keeps a Guid as upper-case text (EF Core's mapping); the batch travels as one JSON
        // array. The unary + keeps SQLite from driving the join from the ChainIndex index, which
        // re-read the whole array for every pending event (66 ms for 250 events; 1 ms by primary key).
        var rows = JsonSerializer.Serialize(events.Select(e => new { id = e.Id.ToString().ToUpperInvariant(), i = e.ChainIndex, p = e.PreviousHash, h = e.Hash }));
        return db.Database.ExecuteSqlAsync($"""
            UPDATE audit_events SET "ChainIndex" = s.i, "PreviousHash" = s.p, "Hash" = s.h
            FROM (SELECT value ->> 'id' AS id, value ->> 'i' AS i, value ->> 'p' AS p, value ->> 'h' AS h FROM json_each({rows})) AS s
            WHERE audit_events."Id" = s.id AND +audit_events."ChainIndex" IS NULL
            """, ct);
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
