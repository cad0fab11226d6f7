using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>How a case at one common risk level is handled.</summary>
public sealed record HandlingRule
{
    public required CommonRiskLevel CommonLevel { get; init; }

    public required HandlingTier Tier { get; init; }

    /// <summary>Kinds of unit at that tier that act, e.g. <c>linkage-centre</c>, <c>leading-group</c>.</summary>
    public required IReadOnlyList<string> HandledBy { get; init; }

    /// <summary>Days from an assessment until the next one is due (a reminder, not a statutory clock).</summary>
    public required int ReassessEveryDays { get; init; }

    public required LocalizedText Label { get; init; }
}
