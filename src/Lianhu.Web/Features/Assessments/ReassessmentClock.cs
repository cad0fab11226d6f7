using Lianhu.Domain.Assessments;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Instruments;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Assessments;

/// <summary>
/// Every assessment with a common level starts the reassessment clock of that level
/// (<c>reassessment-high|medium|low</c> in config/clocks/rules.json), so a missed reassessment
/// reminds and then escalates like any statutory clock; a new assessment completes the running one.
/// </summary>
public sealed class ReassessmentClock(LianhuDbContext db, ClockRuleCatalogue catalogue, IOptions<ClockEngineOptions> options)
{
    public const string SubjectType = "assessment";

    /// <summary>Adds the clock (and completes the case's running reassessment clock) to the unit of work.</summary>
    public async Task ScheduleAsync(Assessment assessment, Guid userId, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        var running = await db.Clocks.Where(c => c.CaseId == assessment.CaseId && c.RuleId.StartsWith("reassessment-")
            && (c.State == ClockState.Pending || c.State == ClockState.Reminded)).ToListAsync(ct);
        foreach (var clock in running.Where(c => !c.IsOverdueAt(now)))
        {
            clock.Complete(userId, "reassessed", now);
        }

        if (assessment.CommonLevel is not { } level || !catalogue.TryGet($"reassessment-{level.ToId()}", out var rule))
        {
            return;
        }

        var computation = catalogue.Compute(rule.Id, assessment.AssessmentDate);
        var reminderAt = ClockReminderPolicy.ReminderAt(rule, computation, options.Value.ReminderFraction);
        db.Clocks.Add(Clock.Start(Guid.CreateVersion7(now), assessment.CaseId, ClockSubject.Of(SubjectType, assessment.Id), computation, reminderAt, agencyId, userId, now));
    }
}
