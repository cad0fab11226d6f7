using Lianhu.Domain.Assessments;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Visits;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// Turns the return-visit plan of the assessed level into tasks, one visit at a time per visiting
/// agency: each task carries a <c>return-visit</c> clock due N days after the assessment (subject
/// <c>visit-plan</c> = the assessment), so a missed visit reminds and escalates like any deadline
/// and the open visit blocks closure; recording it plans the next, until the plan's final visit.
/// A new assessment replaces the plan: visits still in time are cancelled with their tasks;
/// overdue ones stay (the breach stands).
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
            PlanFirst(place, plan, plan.Days, assessment.Id, assessment.AssessmentDate, user, now);
        }

        await tasks.StageAsync(ct);
    }

    /// <summary>
    /// A planned visit was recorded: the plan's next visit (the first still ahead) becomes a task,
    /// unless a newer assessment has replaced the plan since.
    /// </summary>
    public async Task PlanNextAsync(CaseTask done, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(done);
        var clock = await db.Clocks.AsNoTracking().Where(c => c.Id == done.ClockId && c.SubjectType == SubjectType).Select(c => new { c.SubjectId, c.Amount }).SingleOrDefaultAsync(ct);
        var newest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == done.CaseId)
            .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.CommonLevel, a.AssessmentDate }).FirstOrDefaultAsync(ct);
        if (clock is null || newest is not { CommonLevel: { } level } || newest.Id != clock.SubjectId)
        {
            return;
        }

        var plans = policy.PlansFor(level);
        var plan = plans.FirstOrDefault(p => p.Agency == done.AgencyType && p.Days.Contains(clock.Amount)) ?? plans.FirstOrDefault(p => p.Days.Contains(clock.Amount));
        if (plan is not null)
        {
            PlanFirst(await tasks.PlaceOfAsync(done.CaseId, ct), plan, [.. plan.Days.Where(d => d > clock.Amount)], newest.Id, newest.AssessmentDate, user, now);
            await tasks.StageAsync(ct);
        }
    }

    /// <summary>The first of <paramref name="days"/> still ahead becomes the plan's open visit task (one at a time keeps the inbox readable).</summary>
    private void PlanFirst(ReturnVisitTasks.Place place, VisitPlan plan, IEnumerable<int> days, Guid assessmentId, DateOnly assessmentDate, CurrentUser user, DateTimeOffset now)
    {
        foreach (var day in days)
        {
            var computation = catalogue.Compute(PlannedVisitRule, assessmentDate, new ClockOptions { Amount = day });
            var reason = new RoutingText($"{plan.Reason.ZhCn}（第 {day} 日）", $"{plan.Reason.En} (day {day})");
            if (tasks.Create(place, plan.Agency, reason, computation, ClockSubject.Of(SubjectType, assessmentId), user, now) is not null)
            {
                return;
            }
        }
    }

    /// <summary>Pushes the new tasks to the visiting agencies' inboxes; call after saving.</summary>
    public Task PublishAsync(CancellationToken ct) => tasks.PublishAsync(ct);
}

/// <summary>After an assessment: plan (or re-plan) the return visits its level asks for, in the assessment's unit of work; push once saved.</summary>
public sealed class PlanVisitsAfterAssessment(VisitPlanner planner) : Steps.ICaseListener<Assessments.AssessmentRecorded>
{
    public Task OnAsync(Assessments.AssessmentRecorded happened, CancellationToken ct) => planner.PlanAsync(happened.Assessment, happened.By, happened.At, ct);

    public Task SavedAsync(Assessments.AssessmentRecorded happened, CancellationToken ct) => planner.PublishAsync(ct);
}
