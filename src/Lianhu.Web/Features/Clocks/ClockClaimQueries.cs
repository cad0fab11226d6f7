using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Claims due clocks for one scanner node: the only provider-specific SQL of the clock engine
/// (house style 7), always parameterised. A claim writes the node and a lease expiry and bumps the
/// version, so a node that loaded the row before the claim can no longer save it. See
/// docs/decisions/0009-clock-engine.md for the exactly-once argument.
/// </summary>
public sealed class ClockClaimQueries(LianhuDbContext db)
{
    private static readonly string Pending = StableName.Of(ClockState.Pending);
    private static readonly string Reminded = StableName.Of(ClockState.Reminded);

    /// <summary>Claims up to <paramref name="limit"/> running clocks whose next firing time has come and that no live claim holds.</summary>
    /// <returns>The ids this node now holds.</returns>
    public Task<List<Guid>> ClaimDueAsync(string owner, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? ClaimOnPostgresAsync(owner, now.ToUniversalTime(), until.ToUniversalTime(), limit, ct)
            : ClaimOnSqliteAsync(owner, now.ToUniversalTime(), until.ToUniversalTime(), limit, ct);

    /// <summary>
    /// PostgreSQL, several nodes: lock the due rows with <c>FOR UPDATE SKIP LOCKED</c> inside a
    /// transaction, so concurrent claimers each get different rows and never wait on each other,
    /// then stamp the claim on exactly those rows before the locks are released.
    /// </summary>
    private async Task<List<Guid>> ClaimOnPostgresAsync(string owner, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteTransactionAsync(ct);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM clocks
            WHERE "State" IN ({Pending}, {Reminded})
              AND "NextFireAt" <= {now}
              AND ("ClaimExpiresAt" IS NULL OR "ClaimExpiresAt" <= {now})
            ORDER BY "NextFireAt"
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count > 0)
        {
            var locked = ids.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE clocks SET "ClaimOwner" = {owner}, "ClaimExpiresAt" = {until}, "Version" = "Version" + 1
                WHERE "Id" = ANY({locked})
                """, ct);
        }

        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>
    /// SQLite, one node (one writer per file): read the candidates, then claim each with a
    /// conditional <c>UPDATE … WHERE Id = @id AND State = @expected AND Version = @v</c>. A row that
    /// changed since it was read updates nothing and is simply not claimed.
    /// </summary>
    private async Task<List<Guid>> ClaimOnSqliteAsync(string owner, DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        // Most scans find nothing due: look first, and only then queue for SQLite's single writer.
        if (!await DueOnSqlite(now).AnyAsync(ct))
        {
            return [];
        }

        await using var tx = await db.BeginWriteTransactionAsync(ct);
        var candidates = await DueOnSqlite(now)
            .OrderBy(c => c.NextFireAt)
            .Take(limit)
            .Select(c => new { c.Id, c.State, c.Version })
            .ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var c in candidates)
        {
            var rows = await db.Clocks
                .Where(x => x.Id == c.Id && x.State == c.State && x.Version == c.Version)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.ClaimOwner, owner).SetProperty(x => x.ClaimExpiresAt, until).SetProperty(x => x.Version, x => x.Version + 1),
                    ct);
            if (rows == 1)
            {
                claimed.Add(c.Id);
            }
        }

        await tx.CommitAsync(ct);
        return claimed;
    }

    private IQueryable<Clock> DueOnSqlite(DateTimeOffset now) =>
        db.Clocks.AsNoTracking().Where(c => (c.State == ClockState.Pending || c.State == ClockState.Reminded)
            && c.NextFireAt <= now
            && (c.ClaimExpiresAt == null || c.ClaimExpiresAt <= now));
}
