namespace Lianhu.Web.Features.Statistics;

/// <summary>One row of a figure: the key of the dimension, its name, the value (a count, a percentage, a duration), a rate's parts, and whether small-cell protection hid it.</summary>
public sealed record StatisticsRow(string Key, string Label, decimal? Value, int? Numerator, int? Denominator, int? Count, bool Suppressed, string Display);

/// <summary>A figure as every caller receives it.</summary>
public sealed record StatisticsResult(IndicatorDefinition Indicator, StatisticsQuery Query, IReadOnlyList<StatisticsRow> Rows, StatisticsRow Total, bool Protected);
