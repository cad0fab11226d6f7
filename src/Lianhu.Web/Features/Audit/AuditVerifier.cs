using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// Verifies the whole audit trail: the chain in index order (links, hashes, and each event's MAC),
/// then the events not yet sealed (each must carry a valid MAC), then the anchor (present, signed,
/// not ahead of the chain, not behind it). The first problem found is reported with its event
/// (ADR 0012, 0023).
/// </summary>
public sealed class AuditVerifier(LianhuDbContext db, AuditAnchor anchor, AuditSignature signature)
{
    /// <param name="ReAnchored">When re-anchoring was asked for: the anchor problem that was overridden.</param>
    public sealed record Report(long Sealed, long Pending, ChainBreak? Break, string? ReAnchored = null);

    /// <param name="reAnchor">
    /// When the chain, every MAC and every pending event verify and only the anchor is wrong (lost
    /// with a disk, a node that never had it, a verified restore), write a new anchor at the head.
    /// Only someone holding the key ring can do this; it is reported.
    /// </param>
    public async Task<Report> VerifyAsync(bool reAnchor = false, CancellationToken ct = default)
    {
        // No sealer of this process moves the chain and its anchor while they are compared.
        await anchor.Moving.WaitAsync(ct);
        try
        {
            return await VerifyHoldingAnchorAsync(reAnchor, ct);
        }
        finally
        {
            anchor.Moving.Release();
        }
    }

    private async Task<Report> VerifyHoldingAnchorAsync(bool reAnchor, CancellationToken ct)
    {
        // The anchor is read before the chain: a sealer anchors only after its commit, so every
        // anchored event is already visible to the queries below.
        var anchored = anchor.Read();
        var pending = await db.AuditEvents.LongCountAsync(e => e.ChainIndex == null, ct);
        var chain = await VerifyChainAsync(ct);
        var found = chain.Break ?? await FirstUnsignedPendingAsync(ct);
        if (found is not null)
        {
            return new Report(chain.Count, pending, found);
        }

        var anchorBreak = await CheckAnchorAsync(anchored, chain.Count, chain.MacSeen, chain.Head, ct);
        if (anchorBreak is not null && reAnchor && chain.Count > 0)
        {
            File.Delete(anchor.Path);
            anchor.Write(chain.Count, chain.HeadHash, chain.Head);
            return new Report(chain.Count, pending, null, anchorBreak.Reason);
        }

        return new Report(chain.Count, pending, anchorBreak);
    }

    private sealed record Chain(long Count, bool MacSeen, Guid Head, string HeadHash, ChainBreak? Break);

    /// <summary>Streams the chain in index order, so memory stays flat.</summary>
    private async Task<Chain> VerifyChainAsync(CancellationToken ct)
    {
        var events = db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).AsAsyncEnumerable();
        long count = 0;
        var macSeen = false;
        var head = Guid.Empty;
        var expected = 1L;
        var previous = string.Empty;
        await foreach (var e in events.WithCancellation(ct))
        {
            count++;
            head = e.Id;
            if ((AuditChain.VerifyNext(e, expected, previous) ?? MacBreak(e, expected, macSeen)) is { } broken)
            {
                return new Chain(count, macSeen, head, previous, broken);
            }

            macSeen |= e.Mac is not null;
            previous = e.Hash!;
            expected++;
        }

        return new Chain(count, macSeen, head, previous, null);
    }

    /// <summary>
    /// Events sealed before MACs existed have none; once one event carries a MAC every later one
    /// must, so a MAC cannot simply be dropped.
    /// </summary>
    private ChainBreak? MacBreak(AuditEvent e, long index, bool macSeen) => e.Mac switch
    {
        null when !macSeen => null,
        null => new ChainBreak(e.Id, index, "it carries no MAC (it was not written by the application)"),
        _ when !signature.IsValid(e) => new ChainBreak(e.Id, index, "its content does not match its MAC (the event was altered or written outside the application)"),
        _ => null,
    };

    private async Task<ChainBreak?> FirstUnsignedPendingAsync(CancellationToken ct)
    {
        await foreach (var e in db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex == null).OrderBy(e => e.At).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!signature.IsValid(e))
            {
                return new ChainBreak(e.Id, 0, "it is not sealed and has no valid MAC (it was written into the database outside the application); the sealer refuses it");
            }
        }

        return null;
    }

    private async Task<ChainBreak?> CheckAnchorAsync(AuditAnchor.Head? anchored, long count, bool macSeen, Guid head, CancellationToken ct)
    {
        if (anchored is null)
        {
            return count == 0 ? null : new ChainBreak(head, count, $"the anchor is missing ({anchor.Path}) while {count} events are sealed: the newest events may have been removed with it");
        }

        if (!anchored.Signed && !(anchored.Legacy && !macSeen))
        {
            return new ChainBreak(head, count, $"the anchor ({anchor.Path}) is not signed by this key ring (it was forged or replaced)");
        }

        if (count < anchored.Index)
        {
            return new ChainBreak(anchored.EventId ?? Guid.Empty, anchored.Index, $"the chain is shorter than the anchor: it ends at {count} but the anchor records {anchored.Index} events (the newest events were removed)");
        }

        var at = await EventAtAsync(anchored.Index, ct);
        if (at is null || !string.Equals(at.Hash, anchored.Hash, StringComparison.Ordinal) || (anchored.EventId is { } id && id != at.Id))
        {
            return new ChainBreak(at?.Id ?? anchored.EventId ?? Guid.Empty, anchored.Index, "it differs from the anchored head of the chain");
        }

        // A sealer on another node commits, then anchors: give it a moment before calling the anchor old.
        for (var wait = 0; wait < 10 && count > anchored.Index && (anchor.Read()?.Index ?? 0) < count; wait++)
        {
            await Task.Delay(100, ct);
        }

        if (count > anchored.Index && (anchor.Read()?.Index ?? 0) < count)
        {
            var next = await EventAtAsync(anchored.Index + 1, ct);
            return new ChainBreak(next?.Id ?? head, anchored.Index + 1, $"the anchor is older than the chain: it records {anchored.Index} events but {count} are sealed (an older anchor was put back?)");
        }

        return null;
    }

    private sealed record Sealed(Guid Id, string? Hash);

    private Task<Sealed?> EventAtAsync(long index, CancellationToken ct) =>
        db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex == index).Select(e => new Sealed(e.Id, e.Hash)).FirstOrDefaultAsync(ct);
}
