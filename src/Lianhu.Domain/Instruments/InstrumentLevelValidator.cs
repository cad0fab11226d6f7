using static Lianhu.Domain.Instruments.InstrumentDefinitionValidator;

namespace Lianhu.Domain.Instruments;

/// <summary>Rules for levels: bands, judgement levels, red-flag levels and the common-level map.</summary>
public static class InstrumentLevelValidator
{
    public static void Validate(InstrumentDefinition definition)
    {
        ValidateBands(definition);
        ValidateJudgementLevels(definition);
        ValidateForcedLevels(definition);
        ValidateCommonLevelMap(definition);
    }

    /// <summary>
    /// Bands must give every possible score exactly one level: ordered, non-overlapping, starting
    /// at 0, reaching the highest possible score, and with no gap a score could fall into. Scores
    /// are multiples of the score step (1 for count scoring; the greatest common divisor of the
    /// weights otherwise), so a gap is a step multiple strictly between one band's max and the next min.
    /// </summary>
    private static void ValidateBands(InstrumentDefinition d)
    {
        var step = ScoreStep(d);
        var levels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Bands.Count; i++)
        {
            var band = d.Bands[i];
            var at = $"bands[{i}]";
            ValidateLevelId(band.Level, $"{at}.level", levels);
            RequireText(band.Label, $"{at}.label");
            if (band.Max is { } max && max < band.Min)
                throw Error($"{at}.max", $"{ScoreFormat.Format(max)} is below min {ScoreFormat.Format(band.Min)}");
            if (i == 0 && band.Min != 0)
                throw Error($"{at}.min", $"the first band must start at 0 so every score has a band, was {ScoreFormat.Format(band.Min)}");
            if (i == d.Bands.Count - 1)
                break;
            if (band.Max is not { } previousMax)
                throw Error($"{at}.max", "only the last band may be open-ended (max null)");

            var next = d.Bands[i + 1];
            if (next.Min <= previousMax)
                throw Error($"bands[{i + 1}].min", $"{ScoreFormat.Format(next.Min)} overlaps or is out of order: must be above the previous band's max {ScoreFormat.Format(previousMax)}");
            var firstScoreAbove = (decimal.Floor(previousMax / step) + 1) * step;
            if (next.Min > firstScoreAbove)
                throw Error($"bands[{i + 1}].min", $"leaves a gap: a score of {ScoreFormat.Format(firstScoreAbove)} would have no band");
        }

        if (d.Bands.Count > 0 && d.Bands[^1].Max is { } lastMax && lastMax < d.MaxScore())
            throw Error($"bands[{d.Bands.Count - 1}].max", $"the highest possible score is {ScoreFormat.Format(d.MaxScore())}; the last band must reach it or have max null");
    }

    /// <summary>Every score is a sum of weights, so a multiple of their greatest common divisor.</summary>
    private static decimal ScoreStep(InstrumentDefinition d)
    {
        if (d.Scoring.Kind == ScoringKind.Count)
            return 1m;
        var step = d.Items.Select(i => i.Weight).Aggregate(0m, Gcd);
        return step > 0 ? step : 1m;
    }

    /// <summary>Euclid on decimals: exact, as decimal remainder is exact for finite decimals.</summary>
    private static decimal Gcd(decimal a, decimal b) => b == 0 ? a : Gcd(b, a % b);

    private static void ValidateJudgementLevels(InstrumentDefinition d)
    {
        if (d.JudgementLevels.Count == 0)
            return;
        if (d.Bands.Count > 0)
            throw Error("judgementLevels", "only for instruments without bands; the bands already define the levels");

        var levels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.JudgementLevels.Count; i++)
        {
            ValidateLevelId(d.JudgementLevels[i].Level, $"judgementLevels[{i}].level", levels);
            RequireText(d.JudgementLevels[i].Label, $"judgementLevels[{i}].label");
        }
    }

    private static void ValidateForcedLevels(InstrumentDefinition d)
    {
        for (var i = 0; i < d.Items.Count; i++)
        {
            if (d.Items[i].ForcesLevel is { } level && d.RankOf(level) < 0)
                throw Error($"items[{i}].forcesLevel", $"'{level}' is not a level of this instrument ({LevelList(d)})");
        }
    }

    private static void ValidateCommonLevelMap(InstrumentDefinition d)
    {
        foreach (var key in d.CommonLevelMap.Keys)
        {
            if (d.RankOf(key) < 0)
                throw Error($"commonLevelMap.{key}", $"'{key}' is not a level of this instrument ({LevelList(d)})");
        }

        CommonRiskLevel? previous = null;
        string? previousLevel = null;
        foreach (var level in d.OrderedLevels())
        {
            if (!d.CommonLevelMap.TryGetValue(level, out var common))
                throw Error($"commonLevelMap.{level}", "missing: every level must map to low, medium or high");
            if (previous is { } p && common < p)
                throw Error($"commonLevelMap.{level}", $"'{common.ToId()}' is lower than '{p.ToId()}' for the level below it ('{previousLevel}'); a higher level never maps lower");
            previous = common;
            previousLevel = level;
        }
    }

    private static void ValidateLevelId(string level, string at, HashSet<string> seen)
    {
        if (!DefinitionIds.IsKebabCase(level))
            throw Error(at, $"must be kebab-case such as 'high' or 'cat-3', was '{level}'");
        if (!seen.Add(level))
            throw Error(at, $"level '{level}' appears more than once");
    }

    private static string LevelList(InstrumentDefinition d) =>
        d.OrderedLevels() is { Count: > 0 } levels ? string.Join(", ", levels) : "none: no bands or judgementLevels";
}
