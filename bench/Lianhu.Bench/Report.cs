using System.Globalization;

namespace Lianhu.Bench;

/// <summary>Prints the benchmark's summary; its last line is the figure: <c>intake N/s p50 ms p99 ms raw M/s ratio N/M</c>.</summary>
public static class Report
{
    public static void Print(Options options)
    {
        var prefix = options.Get("out");
        var max = PhaseResult.Load(prefix + ".max.json");
        var fixedRate = PhaseResult.Load(prefix + ".fixed.json");
        var raw = PhaseResult.Load(prefix + ".raw.json");
        Console.WriteLine($"database: {options.Get("provider")}");
        Console.WriteLine(max);
        Console.WriteLine(raw);
        Console.WriteLine(fixedRate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99 at {fixedRate.Rate:0}/s: {fixedRate.P99:0.0} ms (target < 25 ms)"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"intake {max.Rate:0}/s p50 {max.P50:0.0} p99 {max.P99:0.0} raw {raw.Rate:0}/s ratio {max.Rate / raw.Rate:0.00}"));
    }
}
