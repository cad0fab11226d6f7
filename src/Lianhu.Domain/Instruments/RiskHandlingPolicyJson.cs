using System.Text.Json;

namespace Lianhu.Domain.Instruments;

/// <summary>Reads and validates <c>config/policies/risk-handling.json</c>.</summary>
public static class RiskHandlingPolicyJson
{
    public static RiskHandlingPolicy Parse(string json)
    {
        try
        {
            return Validated(JsonSerializer.Deserialize<RiskHandlingPolicy>(json, InstrumentJsonOptions.Default));
        }
        catch (JsonException ex)
        {
            throw new RiskHandlingPolicyException(JsonErrorPath.FieldOf(ex), ex.Message, ex);
        }
    }

    public static RiskHandlingPolicy LoadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// One rule per common level; intervals positive; and monotonic: a higher level never gets a
    /// lower tier or a longer interval, which catches swapped values in a city's file.
    /// </summary>
    private static RiskHandlingPolicy Validated(RiskHandlingPolicy? policy)
    {
        if (policy is null)
            throw new RiskHandlingPolicyException("$", "the policy is empty (JSON null)");
        if (policy.Version < 1)
            throw new RiskHandlingPolicyException("version", $"must be 1 or more, was {policy.Version}");

        HandlingRule? previous = null;
        foreach (var level in Enum.GetValues<CommonRiskLevel>())
        {
            var at = $"levels[{level.ToId()}]";
            var rules = policy.Levels.Where(r => r.CommonLevel == level).ToList();
            if (rules.Count != 1)
                throw new RiskHandlingPolicyException(at, $"expected exactly one rule for '{level.ToId()}', found {rules.Count}");
            var rule = rules[0];
            if (rule.ReassessEveryDays < 1)
                throw new RiskHandlingPolicyException($"{at}.reassessEveryDays", "must be 1 or more");
            if (rule.HandledBy.Count == 0 || rule.HandledBy.Any(u => !DefinitionIds.IsKebabCase(u)))
                throw new RiskHandlingPolicyException($"{at}.handledBy", "list at least one unit kind, each kebab-case (e.g. linkage-centre)");
            if (previous is not null && rule.Tier < previous.Tier)
                throw new RiskHandlingPolicyException($"{at}.tier", "must not be lower than the tier of the level below it");
            if (previous is not null && rule.ReassessEveryDays > previous.ReassessEveryDays)
                throw new RiskHandlingPolicyException($"{at}.reassessEveryDays", "must not be longer than the interval of the level below it");
            previous = rule;
        }

        return policy;
    }
}
