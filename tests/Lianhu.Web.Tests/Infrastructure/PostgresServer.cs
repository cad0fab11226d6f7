using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster per test run, started from Debian's binaries (initdb/pg_ctl)
/// in a temp directory on a free loopback port, and stopped when the test process exits. Test
/// classes each get their own database in it. No Docker: there is no engine on these machines.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<Cluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string? BinDirectory { get; } = FindBinaries();

    public static bool Available => BinDirectory is not null;

    public const string MissingMessage =
        "PostgreSQL binaries (initdb, pg_ctl) not found — PostgreSQL tests are SKIPPED. Install them with: apt-get install -y postgresql";

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public static string CreateDatabase(string prefix)
    {
        var cluster = Shared.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        command.ExecuteNonQuery();
        return cluster.ConnectionString(name);
    }

    private static string? FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static Cluster Start()
    {
        if (BinDirectory is null)
        {
            throw new InvalidOperationException(MissingMessage);
        }

        var dir = Path.Combine(Path.GetTempPath(), $"lianhu-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var data = Path.Combine(dir, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres system user.
            Run("chown", $"postgres:postgres {dir}", asUser: null);
        }

        var port = FreePort();
        var user = asRoot ? "postgres" : null;
        Run(Path.Combine(BinDirectory, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", user);
        Run(
            Path.Combine(BinDirectory, "pg_ctl"),
            $"-D {data} -l {Path.Combine(dir, "server.log")} -w -t 60 -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start",
            user);
        var cluster = new Cluster(dir, data, port, user);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments, string? asUser)
    {
        var start = asUser is null
            ? new ProcessStartInfo(file, arguments)
            : new ProcessStartInfo("runuser", $"-u {asUser} -- {file} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {stderr} {stdout.Result}");
        }
    }

    private sealed record Cluster(string Directory, string Data, int Port, string? User)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Include Error Detail=true";

        public void Stop()
        {
            try
            {
                Run(Path.Combine(BinDirectory!, "pg_ctl"), $"-D {Data} -m immediate -w stop", User);
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (InvalidOperationException)
            {
                // Best effort at process exit: the temp directory is disposable either way.
            }
            catch (IOException)
            {
            }
        }
    }
}
