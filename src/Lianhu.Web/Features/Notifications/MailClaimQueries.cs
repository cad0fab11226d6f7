using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Claims due mails for one sender: the only provider-specific SQL of the mail outbox, always
/// parameterised. A claim moves the row's next attempt to the end of a lease and bumps its version,
/// so no other node picks it up while this one sends, and a node that loaded it before cannot save.
/// A node that dies mid-send leaves the row to be claimed again when the lease runs out.
/// </summary>
public sealed class MailClaimQueries(LianhuDbContext db)
{
    private static readonly string Pending = StableName.Of(MailStatus.Pending);
    private static readonly string Failed = StableName.Of(MailStatus.Failed);

    public Task<List<Guid>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? ClaimOnPostgresAsync(now.ToUniversalTime(), leaseUntil.ToUniversalTime(), limit, ct)
            : ClaimOnSqliteAsync(now.ToUniversalTime(), leaseUntil.ToUniversalTime(), limit, ct);

    /// <summary>PostgreSQL, several nodes: <c>FOR UPDATE SKIP LOCKED</c>, so concurrent senders each get different rows without waiting.</summary>
    private async Task<List<Guid>> ClaimOnPostgresAsync(DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteTransactionAsync(ct);
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM notification_mails
            WHERE "Status" IN ({Pending}, {Failed}) AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt"
            LIMIT {limit}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (ids.Count > 0)
        {
            var locked = ids.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE notification_mails SET "NextAttemptAt" = {until}, "Version" = "Version" + 1
                WHERE "Id" = ANY({locked})
                """, ct);
        }

        await tx.CommitAsync(ct);
        return ids;
    }

    /// <summary>SQLite, one writer: claim each candidate with an update conditional on the version read.</summary>
    private async Task<List<Guid>> ClaimOnSqliteAsync(DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken ct)
    {
        // Look before queueing for SQLite's single writer: most sweeps find nothing due.
        var due = db.OutboxMails.AsNoTracking().Where(m => (m.Status == MailStatus.Pending || m.Status == MailStatus.Failed) && m.NextAttemptAt <= now);
        if (!await due.AnyAsync(ct))
        {
            return [];
        }

        await using var tx = await db.BeginWriteTransactionAsync(ct);
        var candidates = await due
            .OrderBy(m => m.NextAttemptAt)
            .Take(limit)
            .Select(m => new { m.Id, m.Version })
            .ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var c in candidates)
        {
            var rows = await db.OutboxMails
                .Where(m => m.Id == c.Id && m.Version == c.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, until).SetProperty(m => m.Version, m => m.Version + 1), ct);
            if (rows == 1)
            {
                claimed.Add(c.Id);
            }
        }

        await tx.CommitAsync(ct);
        return claimed;
    }
}
