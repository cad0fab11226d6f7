using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// A risk assessment instrument as versioned data (loaded from <c>config/instruments/*.json</c>).
/// A case keeps the (<see cref="Id"/>, <see cref="Version"/>) it was scored on, so a definition is
/// never edited in place: a change is a new version.
/// </summary>
public sealed record InstrumentDefinition
{
    /// <summary>kebab-case id, e.g. <c>dash-ric</c>.</summary>
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>Citation of the published instrument, or of the local policy that defines it.</summary>
    public required string Source { get; init; }

    /// <summary>True when the whole scale is a local choice (a city replaces it), not a published instrument.</summary>
    public bool IsLocalPolicy { get; init; }

    /// <summary>What is local about this definition (required when <see cref="IsLocalPolicy"/>; may also
    /// explain local parts of a published instrument, such as DASH bands).</summary>
    public string? LocalPolicyNote { get; init; }

    public required IReadOnlyList<InstrumentItem> Items { get; init; }

    public required ScoringRule Scoring { get; init; }

    /// <summary>Ordered lowest level first. Empty means "unbanded": the computed level is null.</summary>
    public IReadOnlyList<RiskBand> Bands { get; init; } = [];

    /// <summary>Levels for professional judgement when there are no bands; lowest first.</summary>
    public IReadOnlyList<JudgementLevel> JudgementLevels { get; init; } = [];

    public ReferralCriteriaSettings Criteria { get; init; } = new();

    /// <summary>Instrument level id → platform common level.</summary>
    public IReadOnlyDictionary<string, CommonRiskLevel> CommonLevelMap { get; init; } =
        new Dictionary<string, CommonRiskLevel>();

    /// <summary>Level ids lowest first: the bands' levels, or the judgement levels when there are no bands.</summary>
    public IReadOnlyList<string> OrderedLevels() =>
        Bands.Count > 0
            ? Bands.Select(b => b.Level).ToList()
            : JudgementLevels.Select(j => j.Level).ToList();

    /// <summary>Position of a level in <see cref="OrderedLevels"/> (higher = more serious), or -1 if unknown.</summary>
    public int RankOf(string level)
    {
        var levels = OrderedLevels();
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i] == level)
                return i;
        }

        return -1;
    }

    public string? TopLevel() => OrderedLevels() is { Count: > 0 } levels ? levels[^1] : null;

    public RiskBand? BandFor(decimal score) => Bands.FirstOrDefault(b => b.Contains(score));

    public InstrumentItem? FindItem(int number) => Items.FirstOrDefault(i => i.Number == number);

    /// <summary>The label of a band or judgement level; falls back to the id itself.</summary>
    public LocalizedText LabelOf(string level) =>
        Bands.FirstOrDefault(b => b.Level == level)?.Label
        ?? JudgementLevels.FirstOrDefault(j => j.Level == level)?.Label
        ?? new LocalizedText(level, level);

    /// <summary>Highest score the items can produce (all "yes").</summary>
    public decimal MaxScore() => Scoring.Kind == ScoringKind.Count ? Items.Count : Items.Sum(i => i.Weight);
}
