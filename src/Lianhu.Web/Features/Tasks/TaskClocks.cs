using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Tasks;

/// <summary>
/// What every piece of work on a case shares, however it was made (routed, reassigned, requested,
/// decided at a conference, planned as a visit): the clock that guards its due time (rule
/// <c>linkage-task</c>, owned by the holder) and the hold for a non-statutory body that no consent
/// or legal basis covers — released here when one is recorded.
/// </summary>
public sealed class TaskClocks(LianhuDbContext db, DirectoryCache directory, ClockRuleCatalogue clocks, IOptions<ClockEngineOptions> clockOptions, AuditTrail audit, TimeProvider time, SharingPolicy sharing)
{
    public const string ClockRule = "linkage-task";
    public const string ClockSubjectType = "task";

    /// <summary>
    /// Releases the case's held tasks that the given consents now cover: each starts afresh with its
    /// routed period and a clock. Added to the context, not saved; answers the signals to push.
    /// </summary>
    public async Task<(IReadOnlyList<CaseTask> Released, IReadOnlyList<InboxSignal> Signals)> ReleaseHeld(
        Guid caseId, IReadOnlyCollection<CaseConsent> consents, AuditActor actor, Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var held = await db.CaseTasks.Where(t => t.CaseId == caseId && t.Status == CaseTaskStatus.Held).ToListAsync(ct);
        var released = new List<CaseTask>();
        foreach (var task in held.Where(t => consents.Any(c => c.IsInForceAt(now) && c.Covers(t.AgencyId, t.AgencyType))))
        {
            var hours = Math.Max(1, (int)Math.Round((task.DueAt - task.CreatedAt).TotalHours));
            var clock = StartClock(caseId, task.Id, hours, task.AgencyId, userId, now);
            task.Release(clock.Id, clock.DueAt, now);
            audit.Record(actor, AuditAction.TaskRelease, "task", task.Id.ToString(), section: "case:" + caseId.ToString("N"));
            released.Add(task);
        }

        return (released, [.. released.Select(t => InboxSignal.ForAgency(t.AgencyId, "task.new", t.Id, t.CaseId))]);
    }

    /// <summary>
    /// Whether work given to this agency on this case must be held: the agency is a non-statutory
    /// body (<see cref="SharingPolicy"/>) and no consent or legal basis in force covers it.
    /// </summary>
    public async Task<bool> MustHoldAsync(Guid caseId, Guid agencyId, AgencyType type, DateTimeOffset now, CancellationToken ct) =>
        sharing.NeedsConsent(type) && !await db.CaseConsents.AsNoTracking().InForceFor(agencyId, type, now).AnyAsync(c => c.CaseId == caseId, ct);

    /// <summary>
    /// For work given by hand (a reassignment, a request, a conference decision): the clock that will
    /// guard it, or null when it must be held (<see cref="MustHoldAsync"/>). Pass the clock to
    /// <see cref="AttachOrHold"/> once the task is made (its due time is the clock's).
    /// </summary>
    public async Task<Clock?> ClockUnlessHeldAsync(Guid caseId, Guid taskId, int hours, Guid agencyId, AgencyType type, Guid startedBy, DateTimeOffset now, CancellationToken ct) =>
        await MustHoldAsync(caseId, agencyId, type, now, ct) ? null : StartClock(caseId, taskId, hours, agencyId, startedBy, now);

    /// <summary>The case's lead agency (told of held work).</summary>
    public Task<Guid> LeadOfAsync(Guid caseId, CancellationToken ct) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.LeadAgencyId).SingleAsync(ct);

    /// <summary>Attaches the clock and records <paramref name="action"/>; without a clock holds the task (audit <c>task.hold</c>).</summary>
    public static void AttachOrHold(CaseTask task, Clock? clock, AuditActor actor, AuditAction action, AuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(audit);
        if (clock is null)
        {
            task.Hold();
            audit.Record(actor, AuditAction.TaskHold, "task", task.Id.ToString(), section: "case:" + task.CaseId.ToString("N"), reason: "consent-needed");
            return;
        }

        task.AttachClock(clock.Id);
        audit.Record(actor, action, "task", task.Id.ToString(), section: "case:" + task.CaseId.ToString("N"));
    }

    /// <summary>Starts the clock that guards a task's due time (owned by the holder agency).</summary>
    public Clock StartClock(Guid caseId, Guid taskId, int hours, Guid ownerAgencyId, Guid startedBy, DateTimeOffset now)
    {
        var rule = clocks.Get(ClockRule);
        var computation = clocks.Compute(ClockRule, ClockStart.At(now), new ClockOptions { Amount = hours });
        var reminderAt = ClockReminderPolicy.ReminderAt(rule, computation, clockOptions.Value.ReminderFraction);
        var clock = Clock.Start(Guid.CreateVersion7(now), caseId, ClockSubject.Of(ClockSubjectType, taskId), computation, reminderAt, ownerAgencyId, startedBy, now);
        db.Clocks.Add(clock);
        return clock;
    }

    /// <summary>The active agencies of the case's city, as routing sees them.</summary>
    public async Task<IReadOnlyList<DirectoryAgency>> DirectoryAsync(string divisionCode, CancellationToken ct) =>
        await directory.CityAsync(db, divisionCode[..4], ct);
}
