using Lianhu.Domain.Assessments;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Visits;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Linkage;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// Turns the return-visit plan of the assessed level into tasks: one per planned visit and visiting
/// agency, each carrying a <c>return-visit</c> clock due N days after the assessment (subject
/// <c>visit-plan</c> = the assessment), so a missed visit reminds and escalates like any deadline
/// and an open visit blocks closure. A new assessment replaces the open part of the plan: visits
/// still in time are cancelled with their tasks; overdue ones stay (the breach stands).
/// </summary>
public sealed class VisitPlanner(LianhuDbContext db, ClockRuleCatalogue catalogue, ReturnVisitPolicy policy, ReturnVisitTasks tasks)
{
    public const string PlannedVisitRule = "return-visit";
    public const string SubjectType = "visit-plan";
    private const string Replaced = "replaced by a new return-visit plan";

    public async Task PlanAsync(Assessment assessment, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.CommonLevel is not { } level)
        {
            return;
        }

        var open = await db.Clocks.Where(c => c.CaseId == assessment.CaseId && c.RuleId == PlannedVisitRule && c.SubjectType == SubjectType
            && (c.State == ClockState.Pending || c.State == ClockState.Reminded)).ToListAsync(ct);
        var replaced = open.Where(c => !c.IsOverdueAt(now)).ToList();
        var ids = replaced.Select(c => (Guid?)c.Id).ToList();
        var openTasks = await db.CaseTasks.Where(t => t.Kind == CaseTaskKind.ReturnVisit && ids.Contains(t.ClockId) && TaskHolders.Open.Contains(t.Status)).ToListAsync(ct);
        foreach (var clock in replaced)
        {
            clock.Cancel(user.UserId, Replaced, now);
        }

        foreach (var task in openTasks)
        {
            task.Cancel(user.UserId, Replaced, now);
        }

        var place = await tasks.PlaceOfAsync(assessment.CaseId, ct);
        foreach (var plan in policy.PlansFor(level))
        {
            foreach (var day in plan.Days)
            {
                var computation = catalogue.Compute(PlannedVisitRule, assessment.AssessmentDate, new ClockOptions { Amount = day });
                var reason = new RoutingText($"{plan.Reason.ZhCn}（第 {day} 日）", $"{plan.Reason.En} (day {day})");
                tasks.Create(place, plan.Agency, reason, computation, ClockSubject.Of(SubjectType, assessment.Id), user, now);
            }
        }

        await tasks.StageAsync(ct);
    }

    /// <summary>Pushes the new tasks to the visiting agencies' inboxes; call after saving.</summary>
    public Task PublishAsync(CancellationToken ct) => tasks.PublishAsync(ct);
}
