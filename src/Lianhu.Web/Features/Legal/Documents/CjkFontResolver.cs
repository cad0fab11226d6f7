using PdfSharp.Fonts;

namespace Lianhu.Web.Features.Legal.Documents;

/// <summary>
/// Gives PDFsharp one TrueType font with Chinese and Latin glyphs for every family it asks for.
/// PDFsharp reads single TrueType-outline fonts only: Noto Sans CJK (CFF outlines, shipped as .ttc
/// collections) and WenQuanYi (.ttc) fail to load, so the default is Debian's
/// <c>fonts-arphic-gbsn00lp</c> (AR PL SungtiL GB, a Song face as used on official forms), then
/// <c>fonts-droid-fallback</c>. <c>Lianhu:Documents:FontFile</c> names another .ttf (ADR 0013).
/// </summary>
public sealed class CjkFontResolver(IReadOnlyList<string> candidates) : IFontResolver
{
    public const string Face = "lianhu-cjk";

    public static readonly string[] DefaultCandidates =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    ];

    private readonly Lazy<byte[]?> font = new(() => Load(candidates));

    /// <summary>The file the resolver uses, or null when none of the candidates exists.</summary>
    public string? FontFile { get; } = candidates.FirstOrDefault(File.Exists);

    public bool Available => FontFile is not null;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => font.Value;

    private static byte[]? Load(IReadOnlyList<string> candidates) =>
        candidates.FirstOrDefault(File.Exists) is { } path ? File.ReadAllBytes(path) : null;
}
