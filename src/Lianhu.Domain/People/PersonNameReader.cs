using System.Text;

namespace Lianhu.Domain.People;

/// <summary>Turns a name as typed into a <see cref="PersonNameForm"/>, or null when nothing usable is left.</summary>
internal sealed class PersonNameReader(IPinyinReader pinyin, IReadOnlySet<string> compoundSurnames)
{
    public PersonNameForm? Read(string? name)
    {
        var normalised = NameText.Normalize(name);
        return NameText.ContainsHan(normalised) ? ReadHan(normalised) : ReadLatin(normalised);
    }

    /// <summary>The letters of each compound surname's pinyin ("ouyang"), for Latin-letter names.</summary>
    public IReadOnlySet<string> CompoundSurnameLetters() =>
        compoundSurnames.Select(s => string.Concat(Syllables(s))).ToHashSet(StringComparer.Ordinal);

    private HanNameForm? ReadHan(string normalised)
    {
        // Spaces inside a Chinese name are layout (张  伟 aligns with three-character names);
        // dots separate the parts of a transcribed minority or foreign name.
        var parts = SplitOnDots(normalised);
        var key = string.Concat(parts);
        if (key.Length == 0)
        {
            return null;
        }

        var simplified = pinyin.ToSimplified(key);
        var partSyllables = parts.Select(p => Syllables(pinyin.ToSimplified(p))).ToList();
        var syllables = partSyllables.SelectMany(s => s).ToList();

        if (parts.Count > 1)
        {
            var boundaries = new List<int>();
            var sum = 0;
            foreach (var part in partSyllables.Take(partSyllables.Count - 1))
            {
                sum += part.Count;
                boundaries.Add(sum);
            }

            return new HanNameForm(key, simplified, syllables, boundaries[0], boundaries);
        }

        // Split after the first character and, for a compound surname, also after the second:
        // 宗政 is a compound surname but 宗 + 政X is a common name too.
        var hasCompoundSurname = simplified.Length > 2 && compoundSurnames.Contains(simplified[..2]);
        int[] splits = (hasCompoundSurname, syllables.Count > 1) switch
        {
            (true, _) => [1, 2],
            (false, true) => [1],
            _ => [],
        };
        return new HanNameForm(key, simplified, syllables, hasCompoundSurname ? 2 : 1, splits);
    }

    private static LatinNameForm? ReadLatin(string normalised)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in normalised + " ")
        {
            if (NameText.IsLatinSeparator(c))
            {
                var folded = NameText.FoldLatin(word.ToString());
                if (folded.Length > 0)
                {
                    words.Add(folded);
                }

                word.Clear();
            }
            else
            {
                word.Append(c);
            }
        }

        var display = string.Join(' ', normalised.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return words.Count == 0 ? null : new LatinNameForm(display, words);
    }

    private static List<string> SplitOnDots(string normalised)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        foreach (var c in normalised + "·")
        {
            if (NameText.IsNameDot(c))
            {
                if (part.Length > 0)
                {
                    parts.Add(part.ToString());
                }

                part.Clear();
            }
            else if (!char.IsWhiteSpace(c))
            {
                part.Append(c);
            }
        }

        return parts;
    }

    private List<string> Syllables(string text) =>
        [.. pinyin.ToPinyin(text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
