using System.Globalization;

namespace Lianhu.Bench;

/// <summary>
/// CPU time from /proc, to say how the two cores were shared during a phase: the service, the
/// database server (PostgreSQL and its children), this generator, and everything else on the
/// machine (other users of the shared box).
/// </summary>
public sealed class Cpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly int? service;
    private readonly int? database;
    private (double Service, double Database, double Self, double Total, double Busy) start;
    private DateTime startedAt;

    public Cpu(int? service, int? database)
    {
        this.service = service;
        this.database = database;
    }

    public void Start()
    {
        start = Sample();
        startedAt = DateTime.UtcNow;
    }

    /// <summary>Percent of ONE core each used since <see cref="Start"/> ("service 120%" = 1.2 cores).</summary>
    public string Stop()
    {
        var end = Sample();
        var wall = (DateTime.UtcNow - startedAt).TotalSeconds;
        double Pct(double a, double b) => (b - a) / TicksPerSecond / wall * 100;
        var busy = Pct(start.Busy, end.Busy);
        var serviceUse = Pct(start.Service, end.Service);
        var databaseUse = Pct(start.Database, end.Database);
        var selfUse = Pct(start.Self, end.Self);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"service {serviceUse:0}%, database {databaseUse:0}%, generator {selfUse:0}%, other {Math.Max(0, busy - serviceUse - databaseUse - selfUse):0}% of {Environment.ProcessorCount * 100}%");
    }

    private (double Service, double Database, double Self, double Total, double Busy) Sample()
    {
        var all = File.ReadAllLines("/proc/stat")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(double.Parse).ToArray();
        var idle = all[3] + all[4];
        var total = all.Take(8).Sum();
        return (Tree(service), Tree(database), Tree(Environment.ProcessId), total, total - idle);
    }

    /// <summary>utime + stime of a process and its children (PostgreSQL forks a backend per connection).</summary>
    private static double Tree(int? root)
    {
        if (root is null)
        {
            return 0;
        }

        double sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == root || parent == root)
                {
                    sum += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return sum;
    }
}
