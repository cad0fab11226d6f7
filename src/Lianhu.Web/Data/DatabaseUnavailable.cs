using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Lianhu.Web.Data;

/// <summary>
/// Recognises a failure of the database itself — PostgreSQL unreachable or restarting, SQLite
/// busy past its timeout, out of disk or failing I/O — as opposed to a bug: the request is refused
/// with 503 and <c>Retry-After</c> and nothing of it was saved (ADR 0030).
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>SQLite result codes of a database that cannot take the write now: BUSY, LOCKED, IOERR, FULL, CANTOPEN.</summary>
    private static readonly int[] SqliteCodes = [5, 6, 10, 13, 14];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    // Server answers that mean "not now": shutting down, starting up, too many connections, disk full.
                    return pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "53100" || pg.IsTransient;
                case Npgsql.NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SqliteException lite:
                    return SqliteCodes.Contains(lite.SqliteErrorCode);
                case SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
