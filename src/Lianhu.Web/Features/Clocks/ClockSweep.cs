using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// One scan of the clock engine (scoped: one DbContext and connection per scan). Claims due clocks
/// in batches, then fires each in its own transaction: the state change, the breach record and the
/// audit event commit together or not at all. The version check in that transaction is what makes
/// a due time fire exactly once; claims only keep nodes from doing the same work twice.
/// </summary>
public sealed class ClockSweep(
    LianhuDbContext db,
    ClockClaimQueries claims,
    ClockEscalation escalation,
    Notifications.MailOutbox mails,
    AuditTrail audit,
    TimeProvider time,
    ClockNode node,
    IOptions<ClockEngineOptions> options,
    ILogger<ClockSweep> logger)
{
    /// <summary>What one scan did.</summary>
    public sealed record Result(int Claimed, int Reminded, int Breached, int Lost, int Lapsed);

    /// <summary>Claims and fires until nothing due is left (bounded, so a flood cannot pin the scanner).</summary>
    public async Task<Result> RunOnceAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        int claimed = 0, reminded = 0, breached = 0, lost = 0, lapsed = 0;
        for (var batch = 0; batch < 100; batch++)
        {
            var now = time.GetUtcNow();
            var ids = await claims.ClaimDueAsync(node.Id, now, now.AddSeconds(settings.ClaimSeconds), settings.BatchSize, ct);
            db.ChangeTracker.Clear();
            claimed += ids.Count;
            foreach (var id in ids)
            {
                switch (await FireAsync(id, ct))
                {
                    case ClockFiring.Reminded: reminded++; break;
                    case ClockFiring.Breached: breached++; break;
                    case ClockFiring.Lapsed: lapsed++; break;
                    case null: lost++; break;
                }
            }

            if (ids.Count < settings.BatchSize)
            {
                break;
            }
        }

        return new Result(claimed, reminded, breached, lost, lapsed);
    }

    /// <returns>What happened, or null when another node got there first (the claim was lost).</returns>
    private async Task<ClockFiring?> FireAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await using var tx = await db.BeginWriteTransactionAsync(ct);
            var clock = await db.Clocks.SingleOrDefaultAsync(c => c.Id == id && c.ClaimOwner == node.Id, ct);
            if (clock is null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var firing = clock.Fire(now);
            clock.ReleaseClaim();

            // The state change goes first, guarded by the version: a node that lost the clock fails
            // here (after waiting for the winner's row lock on PostgreSQL) and writes nothing else.
            await db.SaveChangesAsync(ct);
            if (firing == ClockFiring.Breached)
            {
                var caseDivision = await db.Cases.Where(c => c.Id == clock.CaseId).Select(c => c.DivisionCode).SingleAsync(ct);
                var target = await escalation.SupervisorOfAsync(clock.OwnerAgencyId, caseDivision, ct);
                db.ClockBreaches.Add(ClockBreach.Record(Guid.CreateVersion7(now), clock, target.DivisionCode, target.AgencyId));
                audit.Record(AuditActor.System, AuditAction.ClockBreach, "clock", id.ToString(), reason: $"escalate-to {target.DivisionCode}");
                List<Inbox.InboxSignal> breached = [Inbox.InboxSignal.ForAgency(clock.OwnerAgencyId, "clock.breached", clock.Id, clock.CaseId)];
                if (target.AgencyId is { } centre && centre != clock.OwnerAgencyId)
                {
                    breached.Add(Inbox.InboxSignal.ForAgency(centre, "clock.breached", clock.Id, clock.CaseId));
                }

                await mails.StageAsync(breached, ct);
            }
            else if (firing == ClockFiring.Reminded)
            {
                audit.Record(AuditActor.System, AuditAction.ClockRemind, "clock", id.ToString());
            }
            else if (firing == ClockFiring.Lapsed)
            {
                // A validity period ran out (e.g. the order expired): recorded, never escalated.
                audit.Record(AuditActor.System, AuditAction.ClockLapse, "clock", id.ToString());
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            if (firing != ClockFiring.None)
            {
                logger.LogInformation("Clock {ClockId} {Firing} by node {Node}", id, firing, node.Id);
            }

            return firing;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the clock after our claim (a person completed it, or our lease ran out
            // and another node took it over): nothing of ours was committed.
            logger.LogInformation("Clock {ClockId} changed under node {Node}; left to its new holder", id, node.Id);
            return null;
        }
        catch (DbUpdateException ex)
        {
            // Rolled back as a whole (e.g. the one-breach-per-clock index refused a second breach):
            // the claim lapses and the clock is looked at again; the rest of the batch goes on.
            logger.LogWarning("Clock {ClockId} not fired by node {Node}: {ExceptionType}", id, node.Id, ex.GetType().Name);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>This process's name in clock claims.</summary>
public sealed class ClockNode(IOptions<ClockEngineOptions> options)
{
    public string Id { get; } = Truncate(options.Value.NodeId is { Length: > 0 } configured
        ? configured
        : $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}");

    private static string Truncate(string id) => id.Length <= Clock.ClaimOwnerMaxLength ? id : id[..Clock.ClaimOwnerMaxLength];
}
