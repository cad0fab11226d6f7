using System.Text.RegularExpressions;
using Lianhu.Web.Localization;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Localization;

/// <summary>Every user-facing string exists in zh-CN and in en, and every key the UI uses exists.</summary>
public sealed partial class StringsTests
{
    [Fact]
    public void ChineseAndEnglish_HaveTheSameKeys()
    {
        var zh = JsonStringLocalizer.Table("zh-CN").Keys.ToHashSet();
        var en = JsonStringLocalizer.Table("en").Keys.ToHashSet();
        zh.Except(en).ShouldBeEmpty("keys missing in en");
        en.Except(zh).ShouldBeEmpty("keys missing in zh-CN");
    }

    [Fact]
    public void NoTranslationIsEmpty_AndPlaceholdersAgree()
    {
        var zh = JsonStringLocalizer.Table("zh-CN");
        var en = JsonStringLocalizer.Table("en");
        foreach (var (key, text) in zh)
        {
            text.ShouldNotBeNullOrWhiteSpace(key);
            en[key].ShouldNotBeNullOrWhiteSpace(key);
            Placeholders().Matches(text).Select(m => m.Value).Order().ShouldBe(Placeholders().Matches(en[key]).Select(m => m.Value).Order(), key);
        }
    }

    [Fact]
    public void EveryLiteralKeyUsedInTheUi_IsDefined()
    {
        var root = Path.GetDirectoryName(Artifacts.Directory("tmp"))!;
        var web = Path.Combine(Path.GetDirectoryName(root)!, "src", "Lianhu.Web");
        var keys = JsonStringLocalizer.Table("zh-CN");
        var used = System.IO.Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Concat(System.IO.Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        used.Count.ShouldBeGreaterThan(50, "the scan must actually find the UI's keys");
        used.Where(u => !keys.ContainsKey(u.Key)).ShouldBeEmpty();
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();

    // T["key"] or text["key"] with a literal, complete key (keys built by concatenation end in a dot and are skipped).
    [GeneratedRegex(@"(?:\bT|\btext)\[""([a-z0-9\-]+(?:\.[A-Za-z0-9\-]*[A-Za-z0-9])+)""")]
    private static partial Regex UsedKey();
}
