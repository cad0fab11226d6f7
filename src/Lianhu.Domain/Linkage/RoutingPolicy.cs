using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Linkage;

/// <summary>When a routing rule applies: every condition given must hold; a list matches any of its values.</summary>
public sealed record RoutingCondition
{
    public IReadOnlyList<CommonRiskLevel> Levels { get; init; } = [];

    /// <summary><c>minor</c>, <c>elderly</c>, <c>disabled</c>: the victim is any of these.</summary>
    public IReadOnlyList<string> Victim { get; init; } = [];

    public IReadOnlyList<string> Violence { get; init; } = [];

    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>True: only when the newest assessment met a referral criterion.</summary>
    public bool? Referral { get; init; }

    /// <summary>
    /// The case sections a task's reason reveals when it names this condition: the risk level (risk),
    /// needs and forms of violence (incident), a minor or elderly victim (identity: her age), a
    /// disabled victim (health). Whoever may not read them sees the task without its reason.
    /// </summary>
    public IReadOnlySet<Access.CaseSection> Reveals()
    {
        var sections = new HashSet<Access.CaseSection>();
        if (Levels.Count > 0 || Referral is not null)
        {
            sections.Add(Access.CaseSection.Risk);
        }

        if (Needs.Count > 0 || Violence.Count > 0)
        {
            sections.Add(Access.CaseSection.Incident);
        }

        if (Victim.Any(v => v is "minor" or "elderly"))
        {
            sections.Add(Access.CaseSection.Identity);
        }

        if (Victim.Contains("disabled"))
        {
            sections.Add(Access.CaseSection.Health);
        }

        return sections;
    }

    public bool Matches(RoutingContext context)
    {
        if (Levels.Count > 0 && (context.Level is not { } level || !Levels.Contains(level)))
        {
            return false;
        }

        if (Victim.Count > 0 && !Victim.Any(v => v switch
            {
                "minor" => context.Minor,
                "elderly" => context.Elderly,
                "disabled" => context.Disabled,
                _ => false,
            }))
        {
            return false;
        }

        if (Violence.Count > 0 && !Violence.Any(context.Violence.Contains))
        {
            return false;
        }

        if (Needs.Count > 0 && !Needs.Any(context.Needs.Contains))
        {
            return false;
        }

        return Referral is not { } referral || referral == context.Referral;
    }
}

/// <summary>One rule of the routing policy: if <see cref="When"/> holds, a task for an agency of <see cref="Agency"/> type at (or above) <see cref="Tier"/>.</summary>
public sealed record RoutingRule
{
    public required int Id { get; init; }

    public required string Step { get; init; }

    public required RoutingCondition When { get; init; }

    public required AgencyType Agency { get; init; }

    /// <summary>The tier to look at first; routing climbs towards the city when that tier has no such agency.</summary>
    public required Tier Tier { get; init; }

    /// <summary>A role within the agency (the leading group = the city centre's supervisors); null for the whole agency.</summary>
    public string? Role { get; init; }

    public required int DueHours { get; init; }

    public required RoutingText Reason { get; init; }
}

/// <summary>
/// The routing policy as data (<c>config/policies/routing.json</c>, versioned): from the case's
/// risk level, the victim's vulnerabilities, the forms of violence, the needs and the community,
/// the tasks for concrete agencies found through the division tree. Steps follow Baoan's order
/// (punish → counsel → mediate / legal aid → protection order → follow-up).
/// </summary>
public sealed class RoutingPolicy
{
    public const int MaxDueHours = 2160;

    public RoutingPolicy(int version, IReadOnlyList<string> steps, int reassignDueHours, IReadOnlyList<RoutingRule> rules)
    {
        Version = version;
        Steps = steps;
        ReassignDueHours = reassignDueHours;
        Rules = rules;
    }

    public int Version { get; }

    /// <summary>The steps in handling order; tasks come out in this order.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>How long a routing centre has to reassign a declined task.</summary>
    public int ReassignDueHours { get; }

    public IReadOnlyList<RoutingRule> Rules { get; }

    /// <summary>
    /// The tasks the policy calls for, in step order. A rule whose agency type exists nowhere on the
    /// way from the case's division up to the city goes to the nearest linkage centre instead, with
    /// a reason that says so, so that no task is silently dropped.
    /// </summary>
    public IReadOnlyList<RoutedTask> Route(RoutingContext context, IReadOnlyCollection<DirectoryAgency> directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(directory);
        var tasks = new List<RoutedTask>();
        foreach (var rule in Rules.Where(r => r.When.Matches(context)).OrderBy(r => StepIndex(r.Step)).ThenBy(r => r.Id))
        {
            var suffix = $"policy v{Version} rule {rule.Id}";
            var suffixZh = $"分流规则 v{Version} 第 {rule.Id} 条";
            if (Resolve(directory, rule.Agency, At(context.Community, rule.Tier)) is { } agency)
            {
                tasks.Add(new RoutedTask(rule.Id, Version, rule.Step, agency.Id, agency.Type, agency.Division.Tier, rule.Role, rule.DueHours,
                    new RoutingText($"{rule.Reason.ZhCn}（{suffixZh}）", $"{rule.Reason.En}, {suffix}")));
            }
            else if (RoutingCentre(context.Community, directory) is { } centre)
            {
                tasks.Add(new RoutedTask(rule.Id, Version, rule.Step, centre.Id, centre.Type, centre.Division.Tier, null, rule.DueHours,
                    new RoutingText($"{rule.Reason.ZhCn}；目录中无此类机构，由联动中心指派（{suffixZh}）", $"{rule.Reason.En}; no such agency in the directory, the linkage centre assigns it, {suffix}")));
            }
        }

        return tasks;
    }

    /// <summary>The linkage centre that routes the case and takes back declined tasks: the nearest one above the community.</summary>
    public static DirectoryAgency? RoutingCentre(DivisionCode community, IReadOnlyCollection<DirectoryAgency> directory) =>
        Resolve(directory, AgencyType.LinkageCentre, community.Parent ?? community);

    /// <summary>The agency of <paramref name="type"/> at <paramref name="start"/>, or the nearest one above it (<see cref="NearestAgency"/>).</summary>
    public static DirectoryAgency? Resolve(IReadOnlyCollection<DirectoryAgency> directory, AgencyType type, DivisionCode start) =>
        NearestAgency.Find(directory, start, type);

    /// <summary>The division of <paramref name="community"/>'s line at <paramref name="tier"/> (the community itself at the community tier).</summary>
    public static DivisionCode At(DivisionCode community, Tier tier)
    {
        var at = community;
        while (at.Tier > tier && at.Parent is { } parent)
        {
            at = parent;
        }

        return at;
    }

    private int StepIndex(string step)
    {
        var i = Steps is List<string> list ? list.IndexOf(step) : Steps.ToList().IndexOf(step);
        return i < 0 ? int.MaxValue : i;
    }
}
