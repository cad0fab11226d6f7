using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>One question of an instrument. <see cref="Text"/> is our own short paraphrase, never the
/// wording of the published form (which belongs to its authors).</summary>
public sealed record InstrumentItem
{
    /// <summary>1-based position; items run 1..n without gaps.</summary>
    public required int Number { get; init; }

    /// <summary>Stable snake_case key, e.g. <c>strangulation</c>; survives renumbering in a new version.</summary>
    public required string Key { get; init; }

    public required LocalizedText Text { get; init; }

    public AnswerType AnswerType { get; init; } = AnswerType.YesNoUnknown;

    /// <summary>Points a "yes" adds under <see cref="ScoringKind.Weights"/>; must stay 1 under count scoring.</summary>
    public decimal Weight { get; init; } = 1m;

    /// <summary>
    /// A "red flag": a single "yes" puts the computed level at least at this level, whatever the
    /// score (used by local scales, e.g. strangulation forces <c>high</c>).
    /// </summary>
    public string? ForcesLevel { get; init; }
}
