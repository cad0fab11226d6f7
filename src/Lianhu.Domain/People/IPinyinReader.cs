namespace Lianhu.Domain.People;

/// <summary>
/// Reads Chinese text the way name matching needs it. Implemented over ICU by
/// <see cref="IcuPinyinReader"/>; an interface so the matcher stays a pure function of its inputs.
/// </summary>
public interface IPinyinReader
{
    /// <summary>
    /// Tone-less, lower-case ASCII pinyin with one syllable per Han character, syllables separated
    /// by spaces: 张伟 → "zhang wei". Latin letters pass through folded the same way.
    /// </summary>
    string ToPinyin(string text);

    /// <summary>Traditional characters replaced by simplified ones: 張偉 → 张伟.</summary>
    string ToSimplified(string text);
}
