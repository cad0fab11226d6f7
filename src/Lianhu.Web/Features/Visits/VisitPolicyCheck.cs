using Lianhu.Domain.Clocks;
using Lianhu.Domain.Visits;

namespace Lianhu.Web.Features.Visits;

/// <summary>Loads the return-visit policy and refuses to start when it names a clock rule the catalogue lacks.</summary>
public static class VisitPolicyCheck
{
    public static ReturnVisitPolicy Loaded(string path, ClockRuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var policy = ReturnVisitPolicy.Load(path);
        var unknown = policy.EventClockRules.Append(VisitPlanner.PlannedVisitRule).Where(rule => !catalogue.TryGet(rule, out _)).ToList();
        return unknown.Count == 0 ? policy : throw new FormatException($"{Path.GetFileName(path)}: unknown clock rule(s) {string.Join(", ", unknown)}.");
    }
}
