using System.Text.Json.Serialization;
using Lianhu.Domain.Common;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// One indicator as data (<c>config/indicators/&lt;id&gt;.v&lt;n&gt;.json</c>): what is counted, over which
/// source, with which filters, and by which dimensions it may be cut. Names and the plain-words
/// definition are in zh-CN and en; the definition is shown beside every figure (ADR 0029).
/// </summary>
public sealed record IndicatorDefinition
{
    /// <summary>Stable kebab-case id, also the file name's stem (<c>handling-rate</c>).</summary>
    public required string Id { get; init; }

    /// <summary>A published version never changes; a new reading is a new file <c>.v2.json</c>.</summary>
    public required int Version { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>What the figure means, in plain words (e.g. what "handled" is).</summary>
    public required LocalizedText Definition { get; init; }

    /// <summary><c>count</c>, <c>rate</c> or <c>duration</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>One of <see cref="StatisticsSources.Names"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Which rows of the source count at all (for a rate: the denominator).</summary>
    public IndicatorFilter? Filter { get; init; }

    /// <summary>For a rate: the further condition a counted row meets to be in the numerator.</summary>
    public IndicatorFilter? Numerator { get; init; }

    /// <summary>For a duration: the statistic and its unit.</summary>
    public DurationSpec? Duration { get; init; }

    /// <summary>The dimensions the indicator may be cut by; the first is the dashboard's default.</summary>
    public required IReadOnlyList<string> Dimensions { get; init; }

    /// <summary>Shown on the dashboard's headline cards.</summary>
    public bool Headline { get; init; }
}

/// <summary>
/// Conditions on a source's rows. <see cref="Status"/> and <see cref="Kind"/> name the source's own
/// status and kind (see <see cref="StatisticsSources"/>); the rest are derived facts.
/// </summary>
public sealed record IndicatorFilter
{
    public IReadOnlyList<string>? Status { get; init; }

    public IReadOnlyList<string>? Kind { get; init; }

    /// <summary>The case's current risk level (its newest assessment): <c>low</c>, <c>medium</c>, <c>high</c>.</summary>
    public IReadOnlyList<string>? RiskLevel { get; init; }

    /// <summary>Ended no later than due (a task accepted, a clock completed before its due time).</summary>
    public bool? OnTime { get; init; }

    /// <summary>The case was reopened at least once.</summary>
    public bool? Reopened { get; init; }

    /// <summary>Lasted longer than this many days: from start to end, or to now while it runs (a shelter stay over 10 days).</summary>
    public int? LongerThanDays { get; init; }

    /// <summary>A conference not called off was scheduled within this many days after the case's first high-risk assessment.</summary>
    public int? ConferenceWithinDays { get; init; }
}

/// <summary>A duration from a row's start to its end: <c>median</c> or <c>p90</c>, in <c>days</c> or <c>hours</c>.</summary>
public sealed record DurationSpec(string Statistic, string Unit)
{
    [JsonIgnore]
    public double UnitHours => Unit == "days" ? 24 : 1;
}
