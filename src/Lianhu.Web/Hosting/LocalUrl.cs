namespace Lianhu.Web.Hosting;

/// <summary>
/// A return address that stays on this site: a path starting with one slash, never <c>//host</c> or
/// <c>/\host</c> (which browsers read as another site), and without control or whitespace characters
/// (a tab or line break that browsers drop would turn <c>/\t/host</c> into <c>//host</c>).
/// </summary>
public static class LocalUrl
{
    public static bool IsSafe(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');

    /// <summary>The address itself when safe, else the home page.</summary>
    public static string OrHome(string? url) => IsSafe(url) ? url! : "/";
}
