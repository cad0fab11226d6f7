using System.Text.Json;
using Lianhu.Domain.Instruments;

namespace Lianhu.Domain.Visits;

/// <summary>
/// Return visits by common risk level, as data (config/policies/return-visits.json): e.g. high →
/// weekly for 12 weeks, medium → monthly for 3 months, low → once after 30 days.
/// </summary>
public sealed class ReturnVisitPolicy
{
    private readonly Dictionary<CommonRiskLevel, IReadOnlyList<int>> plans;

    private ReturnVisitPolicy(int version, int unreachableEscalateAfter, Dictionary<CommonRiskLevel, IReadOnlyList<int>> plans)
    {
        Version = version;
        UnreachableEscalateAfter = unreachableEscalateAfter;
        this.plans = plans;
    }

    public int Version { get; }

    /// <summary>Consecutive unreachable visits that start an escalation.</summary>
    public int UnreachableEscalateAfter { get; }

    /// <summary>The day offsets (after the assessment) of the planned visits for a level.</summary>
    public IReadOnlyList<int> DaysFor(CommonRiskLevel level) => plans.GetValueOrDefault(level, []);

    public static ReturnVisitPolicy Parse(string json, string source)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Options) ?? throw new FormatException($"{source}: empty.");
        var plans = new Dictionary<CommonRiskLevel, IReadOnlyList<int>>();
        foreach (var (name, plan) in file.Levels)
        {
            var level = name switch
            {
                "high" => CommonRiskLevel.High,
                "medium" => CommonRiskLevel.Medium,
                "low" => CommonRiskLevel.Low,
                _ => throw new FormatException($"{source}: levels.{name} is not low, medium or high."),
            };
            plans[level] = plan.Days is { Count: > 0 } days ? Validate(days, $"{source}: levels.{name}.days")
                : plan.EveryDays is > 0 and var every && plan.ForDays is > 0 and var span
                    ? [.. Enumerable.Range(1, span / every).Select(i => i * every)]
                    : throw new FormatException($"{source}: levels.{name} needs days, or everyDays with forDays.");
        }

        return file.UnreachableEscalateAfter < 1
            ? throw new FormatException($"{source}: unreachableEscalateAfter must be at least 1.")
            : new ReturnVisitPolicy(file.Version, file.UnreachableEscalateAfter, plans);
    }

    public static ReturnVisitPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private static List<int> Validate(IReadOnlyList<int> days, string at) =>
        days.All(d => d is >= 1 and <= 366) && days.Distinct().Count() == days.Count ? [.. days.Order()] : throw new FormatException($"{at}: days are distinct, 1–366.");

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    private sealed record PolicyFile(int Version, string? Note, Dictionary<string, PlanFile> Levels, int UnreachableEscalateAfter);

    private sealed record PlanFile(int? EveryDays, int? ForDays, IReadOnlyList<int>? Days);
}
