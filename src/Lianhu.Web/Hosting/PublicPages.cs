namespace Lianhu.Web.Hosting;

/// <summary>
/// The public door (<c>/help/...</c> pages and <c>/api/v1/help/...</c>): no sign-in, used on a phone an
/// abuser may pick up (ADR 0033). The host gives these paths their own layout, <c>no-store</c>, their own
/// error pages and per-address rate limits; what they do is the <c>Help</c> feature's.
/// </summary>
public static class PublicPages
{
    public const string Section = "Lianhu:Help";

    /// <summary>Where quick exit goes when the city names nothing: a neutral weather site.</summary>
    public const string DefaultExitUrl = "https://www.weather.com.cn/";

    /// <summary>The query key that picks the language of a public page (no culture cookie is set).</summary>
    public const string LanguageKey = "lang";

    public static bool Is(PathString path) =>
        path.StartsWithSegments("/help") || path.StartsWithSegments("/api/v1/help");

    /// <summary>The neutral page quick exit replaces the current page with (<c>Lianhu:Help:ExitUrl</c>, absolute http(s)).</summary>
    public static string ExitUrl(IConfiguration configuration)
    {
        var configured = configuration[$"{Section}:ExitUrl"];
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.ToString()
            : DefaultExitUrl;
    }
}
