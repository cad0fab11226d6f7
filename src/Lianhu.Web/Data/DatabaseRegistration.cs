using Lianhu.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

public static class DatabaseRegistration
{
    /// <summary>Reads <see cref="DatabaseOptions"/> and resolves the effective connection string.</summary>
    public static DatabaseOptions ResolveDatabaseOptions(this IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString("Lianhu");
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Lianhu:Database:ConnectionString is required when the provider is postgres.");
            }

            var pg = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
            if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("NoResetOnClose", StringComparison.OrdinalIgnoreCase)))
            {
                // The service keeps no session state on pooled connections (advisory locks are per
                // transaction; the inbox listener has its own unpooled connection), so the DISCARD ALL
                // round trip Npgsql sends each time a connection leaves the pool buys nothing.
                pg.NoResetOnClose = true;
            }

            options.ConnectionString = pg.ToString();
            options.Provider = "postgres";
        }
        else if (string.Equals(options.Provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "Data Source=lianhu.db");
            // A relative file is relative to the working directory, whatever the content root is.
            if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && !Path.IsPathRooted(source))
            {
                builder.DataSource = Path.GetFullPath(source, Environment.CurrentDirectory);
            }

            builder.Pooling = true;
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
            options.ConnectionString = builder.ToString();
            options.Provider = "sqlite";
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{options.Provider}': use sqlite or postgres.");
        }

        return options;
    }

    public static void UseLianhuDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            // One batch per save up to this many commands; an intake relies on it (OpenCase: a single batch is atomic by itself).
            builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MaxBatchSize(LianhuDbContext.PostgresMaxBatchSize));
        }
        else
        {
            builder.UseSqlite(options.ConnectionString);
        }

        builder.ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, LianhuModelCacheKeyFactory>();
    }

    /// <summary>
    /// The field-encryption key ring (outside the database). Created on first use only in demo mode
    /// or when <c>Lianhu:Encryption:CreateKeys</c> is true; otherwise <c>lianhu keys init</c> makes it.
    /// </summary>
    public static FieldCipher ResolveCipher(this IConfiguration configuration)
    {
        var path = configuration["Lianhu:Encryption:KeyRingPath"];
        var create = configuration.GetValue<bool?>("Lianhu:Encryption:CreateKeys") ?? configuration.GetValue<bool>("Lianhu:Demo");
        return new FieldCipher(Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? "lianhu-keys" : path, Environment.CurrentDirectory), create);
    }

    /// <summary>
    /// Registers the DbContext. Options are resolved from configuration when first needed, not at
    /// registration, so every configuration source (including a test host's overrides) is seen.
    /// </summary>
    public static IServiceCollection AddLianhuDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().ResolveDatabaseOptions());
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().ResolveCipher());
        // The options depend on singletons only: built once, not again for every request's context
        // (rebuilding them per scope made EF look its internal services up by options every time).
        services.AddDbContext<LianhuDbContext>((sp, b) => b.UseLianhuDatabase(sp.GetRequiredService<DatabaseOptions>()), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<SchemaMigrator>();
        return services;
    }
}
