using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianhu.Web.Data;

/// <summary>
/// Applies the versioned SQL migrations of the configured provider (embedded under
/// <c>Data/Migrations/{Sqlite|Postgres}</c>), each once, in order, each in its own transaction.
/// See docs/decisions/0002-migrations-as-sql.md for why migrations are SQL, not EF migration classes.
/// </summary>
public sealed class SchemaMigrator(LianhuDbContext db, ILogger<SchemaMigrator> logger, TimeProvider time)
{
    private const string HistoryTable = "lianhu_schema_history";

    /// <summary>An arbitrary constant: the PostgreSQL advisory lock that serialises migrations across nodes.</summary>
    private const long PostgresMigrationLock = 0x4C69616E6875;

    public static IReadOnlyList<Migration> MigrationsFor(bool postgres)
    {
        var folder = postgres ? "postgres" : "sqlite";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith($"migrations/{folder}/", StringComparison.OrdinalIgnoreCase) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => new Migration(Path.GetFileNameWithoutExtension(n), ReadResource(assembly, n)))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var applied = await AppliedAsync(ct);
        return [.. MigrationsFor(db.Database.IsNpgsql()).Select(m => m.Version).Where(v => !applied.Contains(v))];
    }

    /// <summary>Applies every pending migration; returns the versions applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        if (!postgres)
        {
            SqliteFiles.ProtectAsOwnerOnly(db.Database.GetConnectionString());
        }

        await EnsureHistoryTableAsync(ct);
        var done = new List<string>();
        foreach (var migration in MigrationsFor(postgres))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (postgres)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresMigrationLock})", ct);
            }

            // Re-read inside the lock: another node may have applied it meanwhile.
            if ((await AppliedAsync(ct)).Contains(migration.Version))
            {
                continue;
            }

            await ExecuteScriptAsync(migration.Sql, ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO " + HistoryTable + " (version, applied_at) VALUES ({0}, {1})",
                [migration.Version, time.GetUtcNow().ToString("O")],
                ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied schema migration {Version}", migration.Version);
            done.Add(migration.Version);
        }

        if (!postgres)
        {
            // WAL lets readers proceed while one writer commits; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
        }

        return done;
    }

    private async Task ExecuteScriptAsync(string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await command.ExecuteNonQueryAsync(ct);
    }

    private Task EnsureHistoryTableAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS " + HistoryTable + " (version TEXT NOT NULL PRIMARY KEY, applied_at TEXT NOT NULL)", ct);

    private async Task<HashSet<string>> AppliedAsync(CancellationToken ct)
    {
        await EnsureHistoryTableAsync(ct);
        var versions = await db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM " + HistoryTable).ToListAsync(ct);
        return [.. versions];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public sealed record Migration(string Version, string Sql);
}
