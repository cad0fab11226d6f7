namespace Lianhu.Domain.People;

/// <summary>
/// <see cref="IPinyinReader"/> over ICU's transforms; no pinyin table of our own. ICU gives each
/// character a single reading, so polyphonic surnames read their common reading: 单 is "dan"
/// (the surname is Shan), 曾 "ceng" (Zeng), 区 "qu" (Ou), 仇 "chou" (Qiu). See ADR 0007.
/// Register one instance for the process (it is thread-safe) and dispose it with the host.
/// </summary>
public sealed class IcuPinyinReader : IPinyinReader, IDisposable
{
    /// <summary>Han to pinyin with tone marks, marks and ü folded to ASCII, then lower case.</summary>
    public const string PinyinTransform = "Han-Latin; Latin-ASCII; Lower";

    public const string SimplifiedTransform = "Traditional-Simplified";

    private readonly IcuTransliterator _pinyin;
    private readonly IcuTransliterator _simplified;

    /// <exception cref="PlatformNotSupportedException">ICU is not installed.</exception>
    public IcuPinyinReader()
    {
        _pinyin = new IcuTransliterator(PinyinTransform);
        try
        {
            _simplified = new IcuTransliterator(SimplifiedTransform);
        }
        catch
        {
            _pinyin.Dispose();
            throw;
        }
    }

    public string ToPinyin(string text) => _pinyin.Transliterate(text);

    public string ToSimplified(string text) => _simplified.Transliterate(text);

    public void Dispose()
    {
        _pinyin.Dispose();
        _simplified.Dispose();
    }
}
