namespace Lianhu.Domain.People;

/// <summary>
/// The weights and thresholds of <see cref="PersonNameMatcher"/>, as data so a deployment can
/// tune them without code. Defaults and their reasoning: ADR 0007.
/// Score = name weight × (order-swapped factor) × birth-date factor × sex factor.
/// </summary>
public sealed record PersonMatchingOptions
{
    public static PersonMatchingOptions Default { get; } = new();

    public decimal ExactNameWeight { get; init; } = 1.00m;

    public decimal VariantNameWeight { get; init; } = 0.95m;

    public decimal LatinNameWeight { get; init; } = 0.90m;

    public decimal HanLatinNameWeight { get; init; } = 0.85m;

    public decimal HomophoneNameWeight { get; init; } = 0.80m;

    public decimal PinyinNearNameWeight { get; init; } = 0.60m;

    /// <summary>"Wei Zhang" = "Zhang Wei" is likely but not certain (魏章 reads Wei Zhang too).</summary>
    public decimal OrderSwappedFactor { get; init; } = 0.90m;

    public decimal SameBirthDateFactor { get; init; } = 1.00m;

    public decimal UnknownBirthDateFactor { get; init; } = 0.90m;

    public decimal DifferentBirthDateFactor { get; init; } = 0.30m;

    public decimal DifferentSexFactor { get; init; } = 0.50m;

    /// <summary>Minimum score of a suggestion.</summary>
    public decimal SuggestionThreshold { get; init; } = 0.60m;

    /// <summary>
    /// Minimum name score (weight × order factor) that may be suggested on the name alone, when
    /// birth dates cannot be compared.
    /// </summary>
    public decimal StrongNameThreshold { get; init; } = 0.90m;

    /// <summary>Largest letter edit between two syllables that still counts as near (lin/ling).</summary>
    public int MaxSyllableEditDistance { get; init; } = 1;

    /// <summary>Two-character surnames, in simplified characters; they decide where a name splits.</summary>
    public IReadOnlySet<string> CompoundSurnames { get; init; } = ChineseCompoundSurnames.Common;
}
