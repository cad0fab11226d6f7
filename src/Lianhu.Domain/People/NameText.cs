using System.Globalization;
using System.Text;

namespace Lianhu.Domain.People;

/// <summary>Character-level rules for reading a person's name as typed.</summary>
internal static class NameText
{
    /// <summary>
    /// NFKC (full-width to half-width, compatibility ideographs to unified ones), trimmed; broken
    /// UTF-16 is dropped so one bad record cannot stop a duplicate search.
    /// </summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(name.Length);
        var remaining = name.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                builder.Append(rune.ToString());
            }

            remaining = remaining[consumed..];
        }

        return builder.ToString().Normalize(NormalizationForm.FormKC).Trim();
    }

    /// <summary>CJK unified ideographs, extensions A–H, and 〇.</summary>
    public static bool IsHan(Rune rune) => rune.Value switch
    {
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0x20000 and <= 0x323AF => true,
        0x3007 => true,
        _ => false,
    };

    public static bool ContainsHan(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Dots that join the parts of a transcribed minority or foreign name (阿依古丽·买买提); people
    /// type whichever dot their keyboard offers.
    /// </summary>
    public static bool IsNameDot(char c) => c is '·' or '•' or '・' or '‧' or '∙' or '⋅' or '.' or '。' or '｡';

    /// <summary>What separates words of a Latin-letter name: spaces, dots, hyphens, commas, apostrophes.</summary>
    public static bool IsLatinSeparator(char c) =>
        char.IsWhiteSpace(c)
        || IsNameDot(c)
        || c is ',' or '\'' or '’' or '‘' or '_' or '/'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;

    /// <summary>Lower case, diacritics removed (Zhāng → zhang, ü → u as ICU's Latin-ASCII does), letters only.</summary>
    public static string FoldLatin(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
