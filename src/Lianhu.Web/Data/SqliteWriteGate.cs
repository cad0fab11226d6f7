using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianhu.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Left to itself, a second writer gets SQLITE_BUSY and the
/// driver retries after sleeping (150 ms in Microsoft.Data.Sqlite), which turns a 1 ms wait into a
/// long one under load — and background work (audit sealing, clock claims) would collide with
/// requests every second. So every writer of a database file in this process queues here, first
/// come first served, and commits one after another without polling:
/// <see cref="LianhuDbContext"/>'s SaveChanges outside a transaction, and explicit write
/// transactions opened with <see cref="BeginWriteTransactionAsync"/> (held until disposed). A no-op on
/// PostgreSQL, which takes row locks. One gate per database file (tests run many side by side).
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of this context's SQLite database, or null on PostgreSQL.</summary>
    public static SemaphoreSlim? For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() ? Gates.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1)) : null;
    }

    /// <summary>Begins a transaction that writes; on SQLite it holds the gate until disposed.</summary>
    public static async Task<WriteTransaction> BeginWriteTransactionAsync(this DbContext db, CancellationToken ct)
    {
        var gate = For(db);
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    /// <summary>Runs a bulk write (ExecuteUpdate/ExecuteDelete, raw SQL) outside a transaction behind the gate.</summary>
    public static async Task<T> WriteAsync<T>(this DbContext db, Func<Task<T>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var gate = db.Database.CurrentTransaction is null ? For(db) : null;
        if (gate is null)
        {
            return await write();
        }

        await gate.WaitAsync();
        try
        {
            return await write();
        }
        finally
        {
            gate.Release();
        }
    }
}

/// <summary>An explicit write transaction and, on SQLite, the write gate it holds.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public Task RollbackAsync(CancellationToken ct) => transaction.RollbackAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Release();
        }
    }
}
