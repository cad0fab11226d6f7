using Lianhu.Domain.Common;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// Rules a definition must satisfy beyond its JSON shape. Stops at the first broken rule and
/// throws <see cref="InstrumentDefinitionException"/> naming the field, so a city editing its own
/// scale sees exactly what to fix. Level rules (bands, judgement levels, mapping) are in
/// <see cref="InstrumentLevelValidator"/>.
/// </summary>
public static class InstrumentDefinitionValidator
{
    public static void Validate(InstrumentDefinition definition)
    {
        ValidateHeader(definition);
        ValidateItems(definition);
        ValidateScoring(definition);
        InstrumentLevelValidator.Validate(definition);
        ValidateCriteria(definition);
    }

    private static void ValidateHeader(InstrumentDefinition d)
    {
        if (!DefinitionIds.IsKebabCase(d.Id))
            throw Error("id", $"must be kebab-case such as 'dash-ric', was '{d.Id}'");
        if (d.Version < 1)
            throw Error("version", $"must be 1 or more, was {d.Version}");
        RequireText(d.Name, "name");
        if (string.IsNullOrWhiteSpace(d.Source))
            throw Error("source", "a citation of the instrument or policy is required");
        if (d.IsLocalPolicy && string.IsNullOrWhiteSpace(d.LocalPolicyNote))
            throw Error("localPolicyNote", "required when isLocalPolicy is true: say who sets the scale and that a city replaces it");
    }

    private static void ValidateItems(InstrumentDefinition d)
    {
        if (d.Items.Count == 0)
            throw Error("items", "at least one item is required");

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Items.Count; i++)
        {
            var item = d.Items[i];
            var at = $"items[{i}]";
            if (item.Number != i + 1)
            {
                throw d.Items.Count(x => x.Number == item.Number) > 1
                    ? Error($"{at}.number", $"item number {item.Number} appears more than once")
                    : Error($"{at}.number", $"expected {i + 1}, was {item.Number}: items are numbered 1..n in order without gaps");
            }

            if (!DefinitionIds.IsSnakeCase(item.Key))
                throw Error($"{at}.key", $"must be snake_case such as 'threat_to_kill', was '{item.Key}'");
            if (!keys.Add(item.Key))
                throw Error($"{at}.key", $"'{item.Key}' is used by another item");
            RequireText(item.Text, $"{at}.text");
            if (item.Weight < 0)
                throw Error($"{at}.weight", $"item {item.Number} weight must not be negative, was {ScoreFormat.Format(item.Weight)}");
            if (d.Scoring.Kind == ScoringKind.Count && item.Weight != 1)
                throw Error($"{at}.weight", $"item {item.Number} has weight {ScoreFormat.Format(item.Weight)} but count scoring ignores weights; use scoring.kind 'weights' or drop the weight");
        }
    }

    private static void ValidateScoring(InstrumentDefinition d)
    {
        if (d.Scoring.MaxUnknownItems is { } max && (max < 0 || max > d.Items.Count))
            throw Error("scoring.maxUnknownItems", $"must be between 0 and the number of items ({d.Items.Count}), was {max}");
        if (d.Scoring.Kind == ScoringKind.Weights && d.Items.All(i => i.Weight == 0))
            throw Error("items", "weights scoring needs at least one item with a positive weight");
    }

    private static void ValidateCriteria(InstrumentDefinition d)
    {
        var c = d.Criteria;
        if (c.VisibleHighRiskMinScore is < 0)
            throw Error("criteria.visibleHighRiskMinScore", "must not be negative");
        if (c.PotentialEscalation is { Incidents: < 1 })
            throw Error("criteria.potentialEscalation.incidents", "must be 1 or more");
        if (c.PotentialEscalation is { Months: < 1 })
            throw Error("criteria.potentialEscalation.months", "must be 1 or more");
        if (c.RepeatWithinMonths is < 1)
            throw Error("criteria.repeatWithinMonths", "must be 1 or more");
        if (c.ProfessionalJudgementAllowed && d.OrderedLevels().Count == 0)
            throw Error("criteria.professionalJudgementAllowed", "needs bands or judgementLevels to choose a level from");
    }

    internal static void RequireText(LocalizedText text, string at)
    {
        if (string.IsNullOrWhiteSpace(text.ZhCn))
            throw Error($"{at}.zh-CN", "must not be empty");
        if (string.IsNullOrWhiteSpace(text.En))
            throw Error($"{at}.en", "must not be empty");
    }

    internal static InstrumentDefinitionException Error(string field, string message) => new(field, message);
}
