using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Clocks;

/// <summary>
/// Starts, completes and cancels the clocks that guard legal steps, in the caller's unit of work
/// (the clock row commits with the step that started it). A step done after its clock's due time
/// still succeeds, but the clock is left to the engine: the breach stands (ADR 0009).
/// </summary>
public sealed class LegalClocks(LianhuDbContext db, ClockRuleCatalogue catalogue, IOptions<ClockEngineOptions> options, AuditTrail audit)
{
    public ClockRuleCatalogue Catalogue => catalogue;

    public Clock Start(CurrentUser user, Guid caseId, ClockSubject subject, string ruleId, ClockStart start, Guid ownerAgencyId, DateTimeOffset now, ClockOptions? clockOptions = null) =>
        Start(user.AsActor(), user.UserId, caseId, subject, catalogue.Compute(ruleId, start, clockOptions), ownerAgencyId, now);

    public Clock Start(Lianhu.Domain.Access.AuditActor actor, Guid startedBy, Guid caseId, ClockSubject subject, ClockComputation computation, Guid ownerAgencyId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var reminderAt = ClockReminderPolicy.ReminderAt(catalogue.Get(computation.RuleId), computation, options.Value.ReminderFraction);
        var clock = Clock.Start(Guid.CreateVersion7(now), caseId, subject, computation, reminderAt, ownerAgencyId, startedBy, now);
        db.Clocks.Add(clock);
        audit.Record(actor, AuditAction.ClockStart, "clock", clock.Id.ToString());
        return clock;
    }

    /// <summary>The running clock of a rule on a subject, tracked for update; null when none runs.</summary>
    public Task<Clock?> RunningAsync(ClockSubject subject, string ruleId, CancellationToken ct) =>
        db.Clocks
            .Where(c => c.SubjectType == subject.Type && c.SubjectId == subject.Id && c.RuleId == ruleId && (c.State == ClockState.Pending || c.State == ClockState.Reminded))
            .OrderBy(c => c.DueAt)
            .FirstOrDefaultAsync(ct);

    /// <summary>Completes the running clock if it is still before its due time; returns it (or null when none ran).</summary>
    public async Task<Clock?> CompleteAsync(CurrentUser user, ClockSubject subject, string ruleId, string outcome, DateTimeOffset now, CancellationToken ct)
    {
        var clock = await RunningAsync(subject, ruleId, ct);
        if (clock is not null && now < clock.DueAt)
        {
            clock.Complete(user.UserId, outcome, now);
            audit.Record(user.AsActor(), AuditAction.ClockComplete, "clock", clock.Id.ToString());
        }

        return clock;
    }

    /// <summary>Cancels the running clock (the step it guards is moot) if it is still before its due time.</summary>
    public async Task CancelAsync(CurrentUser user, ClockSubject subject, string ruleId, string reason, DateTimeOffset now, CancellationToken ct)
    {
        var clock = await RunningAsync(subject, ruleId, ct);
        if (clock is not null && now < clock.DueAt)
        {
            clock.Cancel(user.UserId, reason, now);
            audit.Record(user.AsActor(), AuditAction.ClockCancel, "clock", clock.Id.ToString());
        }
    }

    /// <summary>All clocks on the given subjects (for a record's page), soonest due first.</summary>
    public async Task<ILookup<Guid, Clock>> OnSubjectsAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct)
    {
        var clocks = await db.Clocks.AsNoTracking().Where(c => subjectIds.Contains(c.SubjectId)).OrderBy(c => c.DueAt).ToListAsync(ct);
        return clocks.ToLookup(c => c.SubjectId);
    }
}
