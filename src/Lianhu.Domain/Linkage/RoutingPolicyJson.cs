using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Linkage;

/// <summary>
/// Reads <c>config/policies/routing.json</c>. Every error is a <see cref="FormatException"/> whose
/// message names the file and the field (<c>routing.json: rules[3].agency: 'polic' is not one of …</c>).
/// </summary>
public static class RoutingPolicyJson
{
    public static readonly IReadOnlyList<string> VictimFlags = ["minor", "elderly", "disabled"];

    public static RoutingPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static RoutingPolicy Parse(string json, string source)
    {
        var file = PolicyJson.Read<PolicyFile>(json, source);
        if (file.Id != "routing")
            throw new FormatException($"{source}: id: must be 'routing'.");
        if (file.Version is not > 0)
            throw new FormatException($"{source}: version: must be a positive whole number.");
        if (file.Steps is not { Count: > 0 } steps || steps.Any(s => !IsKebab(s)) || steps.Distinct(StringComparer.Ordinal).Count() != steps.Count)
            throw new FormatException($"{source}: steps: a non-empty list of distinct kebab-case step ids.");
        var reassign = file.ReassignDueHours ?? 24;
        if (reassign is < 1 or > RoutingPolicy.MaxDueHours)
            throw new FormatException($"{source}: reassignDueHours: must lie between 1 and {RoutingPolicy.MaxDueHours}.");
        if (file.Rules is not { Count: > 0 })
            throw new FormatException($"{source}: rules: at least one rule.");

        var rules = new List<RoutingRule>();
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var r = file.Rules[i];
            var at = $"{source}: rules[{i}]";
            if (r.Id is not > 0)
                throw new FormatException($"{at}.id: must be a positive whole number.");
            if (rules.Any(x => x.Id == r.Id))
                throw new FormatException($"{at}.id: rule {r.Id} is defined twice.");
            if (r.Step is null || !steps.Contains(r.Step))
                throw new FormatException($"{at}.step: '{r.Step}' is not one of {string.Join(", ", steps)}.");
            var agency = Enum<AgencyType>(r.Agency, $"{at}.agency");
            var tier = Enum<Tier>(r.Tier, $"{at}.tier");
            if (!AgencyTypeCatalogue.Get(agency).Tiers.Any(t => t <= tier))
                throw new FormatException($"{at}.tier: a {r.Agency} never sits at or above the {r.Tier} tier.");
            if (r.Role is not null && r.Role != "supervisor")
                throw new FormatException($"{at}.role: only 'supervisor' (the leading group) or no role.");
            if (r.DueHours is not { } due || due < 1 || due > RoutingPolicy.MaxDueHours)
                throw new FormatException($"{at}.dueHours: must lie between 1 and {RoutingPolicy.MaxDueHours}.");
            if (r.Reason is null || string.IsNullOrWhiteSpace(r.Reason.ZhCn) || string.IsNullOrWhiteSpace(r.Reason.En))
                throw new FormatException($"{at}.reason: needs zh-CN and en.");
            var when = r.When ?? new ConditionDto();
            var levels = (when.Levels ?? []).Select((l, j) => Enum<CommonRiskLevel>(l, $"{at}.when.levels[{j}]")).ToList();
            foreach (var (v, j) in (when.Victim ?? []).Select((v, j) => (v, j)))
            {
                if (!VictimFlags.Contains(v))
                    throw new FormatException($"{at}.when.victim[{j}]: '{v}' is not one of {string.Join(", ", VictimFlags)}.");
            }

            Kebab(when.Violence, $"{at}.when.violence");
            Kebab(when.Needs, $"{at}.when.needs");
            rules.Add(new RoutingRule
            {
                Id = r.Id.Value,
                Step = r.Step,
                Agency = agency,
                Tier = tier,
                Role = r.Role,
                DueHours = due,
                Reason = new RoutingText(r.Reason.ZhCn!.Trim(), r.Reason.En!.Trim()),
                When = new RoutingCondition
                {
                    Levels = levels,
                    Victim = when.Victim ?? [],
                    Violence = when.Violence ?? [],
                    Needs = when.Needs ?? [],
                    Referral = when.Referral,
                },
            });
        }

        return new RoutingPolicy(file.Version.Value, steps, reassign, rules);
    }

    private static void Kebab(List<string>? values, string field)
    {
        for (var j = 0; j < (values?.Count ?? 0); j++)
        {
            if (!IsKebab(values![j]))
                throw new FormatException($"{field}[{j}]: '{values[j]}' is not a kebab-case id.");
        }
    }

    private static bool IsKebab(string? s) =>
        s is { Length: > 0 and <= 40 } && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && s[0] != '-' && s[^1] != '-';

    private static T Enum<T>(string? name, string at)
        where T : struct, Enum =>
        StableName.TryParse<T>(name, out var value) ? value : throw new FormatException($"{at}: '{name}' is not one of {string.Join(", ", StableName.All<T>())}.");

    private sealed class PolicyFile
    {
        public string? Id { get; set; }

        public int? Version { get; set; }

        public string? Note { get; set; }

        public string? Source { get; set; }

        public List<string>? Steps { get; set; }

        public int? ReassignDueHours { get; set; }

        public List<RuleDto>? Rules { get; set; }
    }

    private sealed class RuleDto
    {
        public int? Id { get; set; }

        public string? Step { get; set; }

        public ConditionDto? When { get; set; }

        public string? Agency { get; set; }

        public string? Tier { get; set; }

        public string? Role { get; set; }

        public int? DueHours { get; set; }

        public PolicyJson.Bilingual? Reason { get; set; }
    }

    private sealed class ConditionDto
    {
        public List<string>? Levels { get; set; }

        public List<string>? Victim { get; set; }

        public List<string>? Violence { get; set; }

        public List<string>? Needs { get; set; }

        public bool? Referral { get; set; }
    }
}
