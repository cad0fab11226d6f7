using Lianhu.Domain.Instruments;
using Lianhu.Domain.Organisation;

namespace Lianhu.Domain.Linkage;

/// <summary>
/// What routing looks at: the case's community, its common risk level (from the newest assessment;
/// null before any assessment) and, when intake has recorded them, the victim's vulnerabilities,
/// the forms of violence and the needs (kebab-case ids such as <c>physical</c>, <c>shelter</c>).
/// </summary>
public sealed record RoutingContext(DivisionCode Community, CommonRiskLevel? Level)
{
    public bool Referral { get; init; }

    public bool Minor { get; init; }

    public bool Elderly { get; init; }

    public bool Disabled { get; init; }

    public IReadOnlySet<string> Violence { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlySet<string> Needs { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>An agency of the directory as routing sees it (active agencies only are passed in).</summary>
public sealed record DirectoryAgency(Guid Id, AgencyType Type, DivisionCode Division) : IPlacedAgency;

/// <summary>
/// One task routing wants to exist: the agency (and, for the leading group, the role within it),
/// the Baoan step it belongs to, when it is due and why, naming the policy version and rule.
/// </summary>
public sealed record RoutedTask(
    int Rule,
    int PolicyVersion,
    string Step,
    Guid AgencyId,
    AgencyType AgencyType,
    Tier Tier,
    string? Role,
    int DueHours,
    RoutingText Reason);

/// <summary>A one-line text in zh-CN (authoritative) and English.</summary>
public sealed record RoutingText(string ZhCn, string En);
