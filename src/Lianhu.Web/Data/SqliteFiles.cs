using Microsoft.Data.Sqlite;

namespace Lianhu.Web.Data;

/// <summary>
/// The SQLite database holds sealed personal data and the sealed key ring of the cookies: on Unix
/// its file is created readable by the service's user only (0600) before SQLite first opens it, and
/// an existing file (and its -wal and -shm companions, which SQLite creates with the database
/// file's mode) is narrowed to 0600 on start.
/// </summary>
public static class SqliteFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void ProtectAsOwnerOnly(string? connectionString)
    {
        if (OperatingSystem.IsWindows() || string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            using var created = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" }.Where(File.Exists))
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
