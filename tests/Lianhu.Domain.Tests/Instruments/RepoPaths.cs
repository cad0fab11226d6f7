namespace Lianhu.Domain.Tests.Instruments;

/// <summary>Finds the repository's own config files, so tests check what ships rather than a copy.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Instruments => Path.Combine(Root, "config", "instruments");

    public static string RiskHandlingPolicy => Path.Combine(Root, "config", "policies", "risk-handling.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lianhu.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Lianhu.sln above {AppContext.BaseDirectory}.");
    }
}
