using System.Data.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Security;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lianhu.Web.Tests.Data;

/// <summary>
/// The hand-written SQL migrations must produce exactly the schema the EF model expects: a
/// database built by the migrations and one built from the model are introspected and compared
/// (tables, columns with types, nullability and defaults, indexes, keys and foreign keys).
/// </summary>
public abstract class MigratedSchemaTests
{
    protected abstract bool Postgres { get; }

    protected abstract string NewDatabase(string name);

    [ProviderFact]
    public async Task Migrations_ProduceExactlyTheModelsSchema()
    {
        var migrated = NewDatabase("migrated");
        var modelled = NewDatabase("modelled");
        await using (var db = Context(migrated))
        {
            var applied = await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System).MigrateAsync();
            applied.ShouldNotBeEmpty();
        }

        await using (var db = Context(modelled))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await DescribeAsync(modelled);
        var actual = await DescribeAsync(migrated);
        actual.Except(expected).ShouldBeEmpty("migrated schema has what the model does not");
        expected.Except(actual).ShouldBeEmpty("model has what the migrated schema does not");
    }

    [ProviderFact]
    public async Task Migrating_Twice_AppliesNothingTheSecondTime()
    {
        var cs = NewDatabase("twice");
        await using var db = Context(cs);
        var migrator = new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance, TimeProvider.System);
        (await migrator.MigrateAsync()).ShouldNotBeEmpty();
        (await migrator.MigrateAsync()).ShouldBeEmpty();
        (await migrator.PendingAsync()).ShouldBeEmpty();
    }

    private LianhuDbContext Context(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<LianhuDbContext>();
        builder.UseLianhuDatabase(new DatabaseOptions { Provider = Postgres ? "postgres" : "sqlite", ConnectionString = connectionString });
        return new LianhuDbContext(builder.Options, new FieldCipher(Path.Combine(Path.GetTempPath(), "lianhu-schema-test-keys"), createIfMissing: true));
    }

    private async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var sql = Postgres ? PostgresDescription : SqliteDescription;
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private const string SqliteDescription = """
        SELECT 'column ' || m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk || ' default=' || IFNULL(c.dflt_value, '')
        FROM sqlite_master m JOIN pragma_table_info(m.name) c
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'lianhu_schema_history'
        UNION ALL
        SELECT 'index ' || m.name || '.' || il.name || ' unique=' || il."unique" || ' cols=' || (SELECT group_concat(ii.name, ',') FROM pragma_index_info(il.name) ii)
        FROM sqlite_master m JOIN pragma_index_list(m.name) il
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'lianhu_schema_history'
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' delete=' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        """;

    private const string PostgresDescription = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' len=' || COALESCE(character_maximum_length::text, '')
               || ' null=' || is_nullable || ' default=' || COALESCE(column_default, '') || ' identity=' || is_identity
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'lianhu_schema_history'
        UNION ALL
        SELECT 'index ' || tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'lianhu_schema_history'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || '.' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'lianhu_schema_history'
        """;
}

public sealed class MigratedSchemaTests_Sqlite : MigratedSchemaTests, IDisposable
{
    private readonly List<string> files = [];

    protected override bool Postgres => false;

    protected override string NewDatabase(string name)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lianhu-schema-{name}-{Guid.NewGuid():N}.db");
        files.Add(file);
        return $"Data Source={file}";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in files)
        {
            File.Delete(file);
        }
    }
}

public sealed class MigratedSchemaTests_Postgres : MigratedSchemaTests, IPostgresTests
{
    protected override bool Postgres => true;

    protected override string NewDatabase(string name) => PostgresServer.CreateDatabase("schema_" + name);
}
