using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Localization;

/// <summary>
/// One flat dictionary of UI and error texts per language, merged from every embedded
/// Resources/*.{culture}.json (one file per feature area keeps edits apart). zh-CN is the default; en is complete too (a test checks both have the same keys).
/// See docs/decisions/0004-ui-technology.md.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    public static readonly string[] Cultures = ["zh-CN", "en"];
    public const string DefaultCulture = "zh-CN";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Tables = Cultures.ToFrozenDictionary(c => c, Load);

    public static IReadOnlyDictionary<string, string> Table(string culture) => Tables[culture];

    public LocalizedString this[string name]
    {
        get
        {
            var found = Lookup(name, out var value);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Lookup(name, out var format);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: !found);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Tables[CultureKey()].Select(kv => new LocalizedString(kv.Key, kv.Value));

    /// <summary>Which of the supported cultures the current UI culture falls into.</summary>
    public static string CultureKey()
    {
        var name = CultureInfo.CurrentUICulture.Name;
        return name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : DefaultCulture;
    }

    private static bool Lookup(string name, out string value)
    {
        if (Tables[CultureKey()].TryGetValue(name, out var text) || Tables[DefaultCulture].TryGetValue(name, out text))
        {
            value = text;
            return true;
        }

        value = name;
        return false;
    }

    private static FrozenDictionary<string, string> Load(string culture)
    {
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var suffix = $".{culture}.json";
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("strings/", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
            {
                if (!merged.TryAdd(key, value))
                {
                    throw new InvalidOperationException($"String key '{key}' is defined twice for {culture} ({name}).");
                }
            }
        }

        return merged.Count > 0 ? merged.ToFrozenDictionary(StringComparer.Ordinal) : throw new InvalidOperationException($"Missing embedded strings for {culture}.");
    }
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonStringLocalizer Shared = new();

    public IStringLocalizer Create(Type resourceSource) => Shared;

    public IStringLocalizer Create(string baseName, string location) => Shared;
}
