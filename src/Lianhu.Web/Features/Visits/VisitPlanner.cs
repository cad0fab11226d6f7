using Lianhu.Domain.Assessments;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Visits;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// Turns the return-visit policy into clocks: each planned visit is a <c>return-visit</c> clock due N
/// days after the assessment that set the level, so a missed visit reminds and escalates like any
/// deadline, and running visits block closure. A new assessment replaces the open part of the plan.
/// </summary>
public sealed class VisitPlanner(LianhuDbContext db, ClockRuleCatalogue catalogue, ReturnVisitPolicy policy, IOptions<ClockEngineOptions> options)
{
    public const string PlannedVisitRule = "return-visit";
    public const string SubjectType = "visit-plan";

    public async Task PlanAsync(Assessment assessment, Guid userId, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        if (assessment.CommonLevel is not { } level)
        {
            return;
        }

        var open = await db.Clocks.Where(c => c.CaseId == assessment.CaseId && c.RuleId == PlannedVisitRule
            && (c.State == ClockState.Pending || c.State == ClockState.Reminded)).ToListAsync(ct);
        // An overdue planned visit stays as it is: the scanner records it as missed (a breach).
        foreach (var clock in open.Where(c => !c.IsOverdueAt(now)))
        {
            clock.Cancel(userId, "replaced by a new return-visit plan", now);
        }

        var rule = catalogue.Get(PlannedVisitRule);
        foreach (var day in policy.DaysFor(level))
        {
            var computation = catalogue.Compute(PlannedVisitRule, assessment.AssessmentDate, new ClockOptions { Amount = day });
            var reminderAt = ClockReminderPolicy.ReminderAt(rule, computation, options.Value.ReminderFraction);
            db.Clocks.Add(Clock.Start(Guid.CreateVersion7(now), assessment.CaseId, ClockSubject.Of(SubjectType, assessment.Id), computation, reminderAt, agencyId, userId, now));
        }
    }
}
