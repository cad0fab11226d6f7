using System.Globalization;

namespace Lianhu.Bench;

/// <summary>
/// bench/intake.sh drives these verbs:
/// <c>seed</c> (migrate + demo city with ordinary accounts), <c>http</c> (intakes over HTTP:
/// closed loop at a fixed concurrency, then a fixed 200/s), <c>raw</c> (the same rows with plain
/// ADO.NET at the same concurrency) and <c>report</c> (the last line).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        switch (options.Verb)
        {
            case "seed":
                await Seed.RunAsync(options);
                return 0;
            case "http":
                await HttpLoad.RunAsync(options);
                return 0;
            case "raw":
                await RawLoad.RunAsync(options);
                return 0;
            case "report":
                Report.Print(options);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Lianhu.Bench seed|http|raw|report --provider sqlite|postgres --connection CS [--url U] [--seconds N] [--concurrency C] [--out FILE]");
                return 2;
        }
    }
}

/// <summary>Command-line options: <c>--name value</c> pairs after the verb.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string Verb { get; private init; } = string.Empty;

    public static Options Parse(string[] args)
    {
        var options = new Options { Verb = args.Length > 0 ? args[0] : string.Empty };
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options.values[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Postgres => Get("provider", "sqlite") == "postgres";
}
