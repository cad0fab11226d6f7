using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianhu.Web.Data;

/// <summary>
/// One node at a time prepares the database: migrations, roles, every startup step and the first
/// data-protection key run while this is held (ADR 0030). On PostgreSQL it is a session-level
/// advisory lock on a dedicated, unpooled connection — a pooled one would keep the lock after it
/// went back to the pool (the service turns Npgsql's reset on close off). On SQLite, where only
/// one process serves a file, it is a no-op.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary constant, distinct from the migrator's per-transaction lock.</summary>
    public const long PostgresKey = 0x4C69616E6875_01;

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    public static async Task<StartupLock> AcquireAsync(LianhuDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({PostgresKey})", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({PostgresKey})", connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock even when the unlock above failed.
            await connection.DisposeAsync();
        }
    }
}
