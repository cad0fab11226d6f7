namespace Lianhu.Domain.People;

/// <summary>A name read for comparison: either Chinese characters or Latin letters.</summary>
internal abstract record PersonNameForm;

/// <param name="Key">The characters as typed, without spaces or dots: the basis of an exact match.</param>
/// <param name="Simplified">The key with traditional characters simplified.</param>
/// <param name="Syllables">Tone-less pinyin, one per character.</param>
/// <param name="SurnameLength">Syllables in the surname (2 after a compound surname; the first part of a dotted name).</param>
/// <param name="SplitPoints">
/// Syllable counts after which the family part may end, for names written given-name first:
/// 1 and, after a compound surname, 2; for dotted names each dot.
/// </param>
internal sealed record HanNameForm(
    string Key,
    string Simplified,
    IReadOnlyList<string> Syllables,
    int SurnameLength,
    IReadOnlyList<int> SplitPoints) : PersonNameForm
{
    public string Letters { get; } = string.Concat(Syllables);
}

/// <param name="Display">Trimmed, inner spacing collapsed, case kept: the basis of an exact match.</param>
/// <param name="Words">Folded words (lower case, no diacritics), in the order written.</param>
internal sealed record LatinNameForm(string Display, IReadOnlyList<string> Words) : PersonNameForm
{
    public string Letters { get; } = string.Concat(Words);
}
