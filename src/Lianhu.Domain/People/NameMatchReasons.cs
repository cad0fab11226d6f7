namespace Lianhu.Domain.People;

/// <summary>Stable reason codes of a <see cref="NameMatch"/> (also message keys).</summary>
public static class NameMatchReasons
{
    /// <summary>The same characters or letters once spacing, middle dots and full-width forms are normalised.</summary>
    public const string Exact = "name.exact";

    /// <summary>The same name once traditional characters are simplified (張偉 / 张伟).</summary>
    public const string Variant = "name.variant";

    /// <summary>Different characters read with the same tone-less pinyin (张伟 / 章伟).</summary>
    public const string Homophone = "name.homophone";

    /// <summary>Same surname reading; one given-name syllable a small edit away (张林 / 张凌).</summary>
    public const string PinyinNear = "name.pinyin-near";

    /// <summary>Two Latin-letter names equal after case, diacritics, spacing and hyphens.</summary>
    public const string Latin = "name.latin";

    /// <summary>A Chinese name and its pinyin in Latin letters (张伟 / "ZHANG WEI").</summary>
    public const string HanLatin = "name.han-latin";

    /// <summary>Added to a Latin match when one side writes the family name last ("Wei Zhang").</summary>
    public const string OrderSwapped = "name.order-swapped";

    /// <summary>No name signal: different surname reading, a missing or extra syllable, or unrelated.</summary>
    public const string Different = "name.different";

    /// <summary>One side has no usable name (empty, or only punctuation).</summary>
    public const string Missing = "name.missing";

    public const string SameBirthDate = "birth-date.same";

    public const string DifferentBirthDate = "birth-date.different";

    /// <summary>At least one side has no birth date, so it can neither support nor rule out a match.</summary>
    public const string UnknownBirthDate = "birth-date.unknown";

    public const string DifferentSex = "sex.different";
}
