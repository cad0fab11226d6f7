using System.Text.Json;
using System.Text.Json.Serialization;
using Lianhu.Domain.Common;
using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Visits;

/// <summary>The events after which a return visit is due (domain brief §3.5), each with a fixed hook in the code.</summary>
public enum VisitEvent
{
    /// <summary>A police warning letter was issued (the city rule: community police visit within 90 days).</summary>
    WarningLetter,

    /// <summary>A protection order was issued.</summary>
    ProtectionOrder,

    /// <summary>The victim left a shelter.</summary>
    ShelterExit,

    /// <summary>A 110 police incident opened the case (the city rule: the women's federation calls the next day).</summary>
    [JsonStringEnumMemberName("police-110")]
    Police110,
}

/// <summary>Which agency type visits, on which days of a plan, and why.</summary>
public sealed record VisitPlan(AgencyType Agency, IReadOnlyList<int> Days, RoutingText Reason);

/// <summary>
/// Which agency type visits after an event, and when: either by a clock rule of its own
/// (<see cref="ClockRule"/>, e.g. <c>warning-followup</c>) or <see cref="Days"/> days after the event
/// on the generic <c>return-visit</c> rule.
/// </summary>
public sealed record EventVisit(AgencyType Agency, string? ClockRule, int? Days, RoutingText Reason);

/// <summary>
/// Return visits as data (config/policies/return-visits.json). Each common risk level has one
/// plan per visiting agency type (e.g. high → the community police station weekly for 12 weeks and
/// the women's federation monthly; low → the residents' committee once after 30 days); each event
/// names the agency type that visits and when. Each planned visit becomes a linkage task with a
/// clock for the concrete agency nearest the case's community.
/// </summary>
public sealed class ReturnVisitPolicy
{
    private readonly Dictionary<CommonRiskLevel, IReadOnlyList<VisitPlan>> plans;
    private readonly Dictionary<VisitEvent, EventVisit> events;

    private ReturnVisitPolicy(int version, int unreachableEscalateAfter, Dictionary<CommonRiskLevel, IReadOnlyList<VisitPlan>> plans, Dictionary<VisitEvent, EventVisit> events)
    {
        Version = version;
        UnreachableEscalateAfter = unreachableEscalateAfter;
        this.plans = plans;
        this.events = events;
    }

    public int Version { get; }

    /// <summary>Consecutive unreachable visits that start an escalation.</summary>
    public int UnreachableEscalateAfter { get; }

    /// <summary>The plans (one per visiting agency type) for a level; empty when the level has none.</summary>
    public IReadOnlyList<VisitPlan> PlansFor(CommonRiskLevel level) => plans.GetValueOrDefault(level, []);

    /// <summary>Who visits after an event, and when. Every event is in the file.</summary>
    public EventVisit For(VisitEvent visitEvent) => events[visitEvent];

    /// <summary>The clock rules the events name, to check against the clock catalogue at start-up.</summary>
    public IEnumerable<string> EventClockRules => events.Values.Select(e => e.ClockRule).OfType<string>();

    public static ReturnVisitPolicy Parse(string json, string source)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Options) ?? throw new FormatException($"{source}: empty.");
        var plans = new Dictionary<CommonRiskLevel, IReadOnlyList<VisitPlan>>();
        foreach (var (name, list) in file.Levels ?? throw new FormatException($"{source}: levels is required."))
        {
            var level = name switch
            {
                "high" => CommonRiskLevel.High,
                "medium" => CommonRiskLevel.Medium,
                "low" => CommonRiskLevel.Low,
                _ => throw new FormatException($"{source}: levels.{name} is not low, medium or high."),
            };
            plans[level] = [.. list.Select((plan, i) => ReadPlan(plan, $"{source}: levels.{name}[{i}]"))];
            if (plans[level].Select(p => p.Agency).Distinct().Count() != plans[level].Count)
            {
                throw new FormatException($"{source}: levels.{name} names an agency type twice.");
            }
        }

        var events = new Dictionary<VisitEvent, EventVisit>();
        foreach (var (name, entry) in file.Events ?? throw new FormatException($"{source}: events is required."))
        {
            var at = $"{source}: events.{name}";
            var visitEvent = StableName.TryParse<VisitEvent>(name, out var e) ? e : throw new FormatException($"{at} is not one of {string.Join(", ", StableName.All<VisitEvent>())}.");
            if ((entry.Clock is null) == (entry.Days is null))
            {
                throw new FormatException($"{at} needs either clock (a rule id) or days, not both.");
            }

            if (entry.Days is { } d && d is < 1 or > 366)
            {
                throw new FormatException($"{at}.days must be 1–366.");
            }

            events[visitEvent] = new EventVisit(Agency(entry.Agency, at), entry.Clock, entry.Days, Reason(entry.Reason, at));
        }

        var missing = StableName.All<VisitEvent>().Where(n => !events.ContainsKey(StableName.Parse<VisitEvent>(n))).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{source}: events lacks {string.Join(", ", missing)}.");
        }

        return file.UnreachableEscalateAfter < 1
            ? throw new FormatException($"{source}: unreachableEscalateAfter must be at least 1.")
            : new ReturnVisitPolicy(file.Version, file.UnreachableEscalateAfter, plans, events);
    }

    public static ReturnVisitPolicy Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    private static VisitPlan ReadPlan(PlanFile plan, string at)
    {
        List<int> days = plan.Days is { Count: > 0 } list ? Validate(list, at + ".days")
            : plan.EveryDays is > 0 and var every && plan.ForDays is > 0 and var span && span >= every
                ? [.. Enumerable.Range(1, span / every).Select(i => i * every)]
                : throw new FormatException($"{at} needs days, or everyDays with forDays.");
        return new VisitPlan(Agency(plan.Agency, at), Validate(days, at + ".days"), Reason(plan.Reason, at));
    }

    private static AgencyType Agency(string? name, string at) =>
        StableName.TryParse<AgencyType>(name ?? string.Empty, out var type) ? type : throw new FormatException($"{at}.agency '{name}' is not one of {string.Join(", ", StableName.All<AgencyType>())}.");

    private static RoutingText Reason(ReasonFile? reason, string at) =>
        reason is { ZhCn: { Length: > 0 } zh, En: { Length: > 0 } en } ? new RoutingText(zh, en) : throw new FormatException($"{at}.reason needs zh-CN and en.");

    private static List<int> Validate(IReadOnlyList<int> days, string at) =>
        days.All(d => d is >= 1 and <= 366) && days.Distinct().Count() == days.Count ? [.. days.Order()] : throw new FormatException($"{at}: days are distinct, 1–366.");

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private sealed record PolicyFile(int Version, string? Note, Dictionary<string, List<PlanFile>>? Levels, Dictionary<string, EventFile>? Events, int UnreachableEscalateAfter);

    private sealed record PlanFile(string? Agency, int? EveryDays, int? ForDays, IReadOnlyList<int>? Days, ReasonFile? Reason);

    private sealed record EventFile(string? Agency, string? Clock, int? Days, ReasonFile? Reason);

    private sealed record ReasonFile([property: JsonPropertyName("zh-CN")] string? ZhCn, string? En);
}
