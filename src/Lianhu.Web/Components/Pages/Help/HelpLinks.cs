using Lianhu.Web.Hosting;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Components.Pages.Help;

/// <summary>Links between public pages keep the language picked with <c>?lang=</c> (no cookie is set).</summary>
public static class HelpLinks
{
    public static string To(string path) =>
        JsonStringLocalizer.CultureKey() == "en" ? $"{path}?{PublicPages.LanguageKey}=en" : path;
}
