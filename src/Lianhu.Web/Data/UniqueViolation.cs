using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

/// <summary>Recognises a save that failed on a given unique index, on either provider.</summary>
public static class UniqueViolation
{
    /// <param name="index">The index name (PostgreSQL reports it).</param>
    /// <param name="tableColumns">"table.Column[, table.Column]" as SQLite reports them.</param>
    public static bool Is(DbUpdateException exception, string index, string tableColumns) => exception.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == index,
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteErrorCode == 19 && lite.Message.Contains(tableColumns, StringComparison.Ordinal),
        _ => false,
    };
}
