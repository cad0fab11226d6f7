namespace Lianhu.Web.Data;

/// <summary>
/// Which database the service uses. Bound from <c>Lianhu:Database</c> (environment:
/// <c>Lianhu__Database__Provider</c>, <c>Lianhu__Database__ConnectionString</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Lianhu:Database";

    /// <summary><c>sqlite</c> (default, embedded) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// The connection string. For SQLite it defaults to <c>lianhu.db</c> in the working directory;
    /// PostgreSQL needs one (or <c>ConnectionStrings:Lianhu</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "npgsql", StringComparison.OrdinalIgnoreCase);
}
