using Lianhu.Domain.Access;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Which section a clock rule's step belongs to, so starting one by hand needs that section's write
/// right: orders, letters, placements and the minor green channel are legal work, visits are visits,
/// reassessments risk. A linkage task's clock is started by routing, never by hand; other rules: incident.
/// </summary>
public static class ClockSections
{
    public static CaseSection? Of(string? rule) => rule?.Trim() switch
    {
        null or "" => null,
        var r when r.StartsWith("po-", StringComparison.Ordinal) || r.StartsWith("warning-", StringComparison.Ordinal) => CaseSection.Legal,
        "community-placement" or "shelter-stay" or "minor-green-channel" => CaseSection.Legal,
        var r when r.StartsWith("reassessment-", StringComparison.Ordinal) => CaseSection.Risk,
        var r when r.Contains("visit", StringComparison.Ordinal) => CaseSection.Visits,
        _ => CaseSection.Incident,
    };
}
