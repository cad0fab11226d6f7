namespace Lianhu.Domain.People;

/// <summary>
/// Finds the strongest signal between two read names, strongest rule first. Every rule keeps
/// the surname reading fixed (张伟 never matches 李伟) and the syllable count fixed (张伟 never
/// matches 张伟伟): see ADR 0007.
/// </summary>
internal sealed class NameComparison(PersonMatchingOptions options, IReadOnlySet<string> compoundSurnameLetters)
{
    public NameSignal Compare(PersonNameForm? left, PersonNameForm? right) => (left, right) switch
    {
        (null, _) or (_, null) => NameSignal.Missing,
        (HanNameForm a, HanNameForm b) => CompareHan(a, b),
        (LatinNameForm a, LatinNameForm b) => CompareLatin(a, b),
        (HanNameForm han, LatinNameForm latin) => CompareHanWithLatin(han, latin),
        (LatinNameForm latin, HanNameForm han) => CompareHanWithLatin(han, latin),
        _ => NameSignal.None,
    };

    private NameSignal CompareHan(HanNameForm a, HanNameForm b)
    {
        if (a.Key == b.Key)
        {
            return new(NameMatchReasons.Exact, options.ExactNameWeight);
        }

        if (a.Simplified == b.Simplified)
        {
            return new(NameMatchReasons.Variant, options.VariantNameWeight);
        }

        if (a.Syllables.SequenceEqual(b.Syllables))
        {
            return new(NameMatchReasons.Homophone, options.HomophoneNameWeight);
        }

        return IsPinyinNear(a, b) ? new(NameMatchReasons.PinyinNear, options.PinyinNearNameWeight) : NameSignal.None;
    }

    /// <summary>Same surname reading, exactly one given-name syllable a small edit away (lin/ling, si/shi).</summary>
    private bool IsPinyinNear(HanNameForm a, HanNameForm b)
    {
        if (a.Syllables.Count != b.Syllables.Count)
        {
            return false;
        }

        var surnameLength = Math.Max(a.SurnameLength, b.SurnameLength);
        var differing = Enumerable.Range(0, a.Syllables.Count).Where(i => a.Syllables[i] != b.Syllables[i]).ToList();
        return differing is [var only]
            && only >= surnameLength
            && EditDistance.Between(a.Syllables[only], b.Syllables[only]) <= options.MaxSyllableEditDistance;
    }

    private NameSignal CompareLatin(LatinNameForm a, LatinNameForm b)
    {
        if (a.Display == b.Display)
        {
            return new(NameMatchReasons.Exact, options.ExactNameWeight);
        }

        if (a.Letters == b.Letters)
        {
            return new(NameMatchReasons.Latin, options.LatinNameWeight);
        }

        var swapped = FamilyNameFirst(a).Contains(b.Letters) || FamilyNameFirst(b).Contains(a.Letters);
        return swapped ? new(NameMatchReasons.Latin, options.LatinNameWeight, OrderSwapped: true) : NameSignal.None;
    }

    private NameSignal CompareHanWithLatin(HanNameForm han, LatinNameForm latin)
    {
        if (han.Letters == latin.Letters)
        {
            return new(NameMatchReasons.HanLatin, options.HanLatinNameWeight);
        }

        var swapped = GivenNameFirst(han).Contains(latin.Letters) || FamilyNameFirst(latin).Contains(han.Letters);
        return swapped ? new(NameMatchReasons.HanLatin, options.HanLatinNameWeight, OrderSwapped: true) : NameSignal.None;
    }

    /// <summary>
    /// The letter keys under which a name can be found again: its letters in written order first,
    /// then the other orders this comparison accepts (given name first for a Chinese name, family
    /// name first for a Latin one). Two names with any name signal but <c>pinyin-near</c> share a key.
    /// </summary>
    public IReadOnlyList<string> Keys(PersonNameForm? form) => form switch
    {
        HanNameForm han => [.. new[] { han.Letters }.Concat(GivenNameFirst(han)).Distinct()],
        LatinNameForm latin => [.. new[] { latin.Letters }.Concat(FamilyNameFirst(latin)).Distinct()],
        _ => [],
    };

    /// <summary>A Chinese name as someone writing given name first would spell it: 欧阳娜娜 → "nanaouyang".</summary>
    private static IEnumerable<string> GivenNameFirst(HanNameForm han) =>
        han.SplitPoints.Select(split => string.Concat(han.Syllables.Skip(split)) + string.Concat(han.Syllables.Take(split)));

    /// <summary>
    /// A Latin name read as family name last, moved to the front: "Nana Ouyang" → "ouyangnana".
    /// The family name is the last word, or the last two when they spell a compound surname
    /// ("Nana Ou Yang").
    /// </summary>
    private IEnumerable<string> FamilyNameFirst(LatinNameForm latin)
    {
        var words = latin.Words;
        if (words.Count >= 2)
        {
            yield return words[^1] + string.Concat(words.Take(words.Count - 1));
        }

        if (words.Count >= 3 && compoundSurnameLetters.Contains(words[^2] + words[^1]))
        {
            yield return words[^2] + words[^1] + string.Concat(words.Take(words.Count - 2));
        }
    }
}
