using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// Serialises changes to person clusters. Two people confirming "A is B" and "B is A" at the same
/// moment must not leave each cluster pointing at the other; so a merge or unmerge opens a write
/// transaction that holds the clusters' root records — row locks in id order on PostgreSQL (several
/// nodes), the single writer on SQLite — and re-reads the roots before changing anything.
/// </summary>
public static class PersonClusterLock
{
    public static async Task<WriteTransaction> HoldAsync(LianhuDbContext db, IEnumerable<Guid> roots, CancellationToken ct)
    {
        var tx = await db.BeginWriteTransactionAsync(ct);
        try
        {
            if (db.Database.IsNpgsql())
            {
                var ids = roots.Distinct().Order().ToArray();
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM persons WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR UPDATE""", ct);
            }

            return tx;
        }
        catch
        {
            await tx.DisposeAsync();
            throw;
        }
    }

    /// <summary>The current roots of these records, read inside the held transaction.</summary>
    public static Task<Dictionary<Guid, Guid>> RootsAsync(LianhuDbContext db, IEnumerable<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        return db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RootId, ct);
    }
}
