namespace Lianhu.Web.Hosting;

/// <summary>
/// Where bundled files live. Configuration, division data and web assets ship in the build
/// output, so the program finds them from any working directory; only the SQLite file defaults
/// to the working directory.
/// </summary>
public static class LianhuPaths
{
    public static string AppBase => AppContext.BaseDirectory;

    public static string WebRoot => Path.Combine(AppBase, "wwwroot");

    public static string Config => Path.Combine(AppBase, "config");

    public static string Divisions => Path.Combine(AppBase, "data", "divisions");
}
