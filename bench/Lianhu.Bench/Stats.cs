using System.Globalization;
using System.Text.Json;

namespace Lianhu.Bench;

/// <summary>Latencies (milliseconds) and counts of one phase.</summary>
public sealed class Stats
{
    private readonly List<double> latencies = [];
    private readonly Lock gate = new();

    public int Errors { get; private set; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return latencies.Count;
            }
        }
    }

    public void Add(double milliseconds, bool ok)
    {
        lock (gate)
        {
            if (ok)
            {
                latencies.Add(milliseconds);
            }
            else
            {
                Errors++;
            }
        }
    }

    public double Percentile(double p)
    {
        lock (gate)
        {
            if (latencies.Count == 0)
            {
                return double.NaN;
            }

            var sorted = latencies.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}

/// <summary>Results passed from one verb to the report, as a small JSON file.</summary>
public sealed record PhaseResult(string Name, int Concurrency, double Seconds, int Count, int Errors, double Rate, double P50, double P99, string Cpu)
{
    public void Save(string file) => File.WriteAllText(file, JsonSerializer.Serialize(this));

    public static PhaseResult Load(string file) => JsonSerializer.Deserialize<PhaseResult>(File.ReadAllText(file))!;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Count} in {Seconds:0.0} s at concurrency {Concurrency} = {Rate:0}/s, p50 {P50:0.0} ms, p99 {P99:0.0} ms, errors {Errors}; cpu {Cpu}");
}
