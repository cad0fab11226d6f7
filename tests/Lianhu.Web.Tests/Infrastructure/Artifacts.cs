namespace Lianhu.Web.Tests.Infrastructure;

/// <summary>Where tests leave artifacts for people to look at (screenshots): artifacts/ at the repository root.</summary>
public static class Artifacts
{
    public static string Directory(string kind)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lianhu.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", kind);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
