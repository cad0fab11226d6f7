using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>A score range that yields a level. Bands are listed from the lowest to the highest level.</summary>
public sealed record RiskBand
{
    /// <summary>Instrument-specific level id (kebab-case), e.g. <c>standard</c> or <c>cat-3</c>.</summary>
    public required string Level { get; init; }

    /// <summary>Lowest score in the band, inclusive.</summary>
    public required decimal Min { get; init; }

    /// <summary>Highest score in the band, inclusive; null means no upper bound (only the last band).</summary>
    public decimal? Max { get; init; }

    public required LocalizedText Label { get; init; }

    public bool Contains(decimal score) => score >= Min && (Max is null || score <= Max);

    /// <summary>"14+" or "10–13", as shown in explanations.</summary>
    public string RangeText() => Max is null
        ? $"{ScoreFormat.Format(Min)}+"
        : $"{ScoreFormat.Format(Min)}–{ScoreFormat.Format(Max.Value)}";
}
