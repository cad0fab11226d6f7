namespace Lianhu.Domain.Instruments;

/// <summary>How answers become a score. "Unknown" always adds 0 (never prorated).</summary>
public sealed record ScoringRule
{
    public required ScoringKind Kind { get; init; }

    /// <summary>
    /// The most "unknown" answers with which the instrument may still be scored (ODARA: 5).
    /// Null means no limit. More unknown answers than this is a validation error, not a score.
    /// </summary>
    public int? MaxUnknownItems { get; init; }
}
