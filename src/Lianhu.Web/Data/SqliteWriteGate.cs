using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Left to itself, a second writer gets SQLITE_BUSY and the
/// driver retries after a sleep, which turns a 1 ms wait into a long one under load. Writers of the
/// hot paths (intake, edits, merges) queue here instead, first come first served, and commit
/// one after another without polling. A no-op on PostgreSQL, which takes row locks.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<int> SaveChangesAsync(LianhuDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return await db.SaveChangesAsync(ct);
        }

        await gate.WaitAsync(ct);
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
