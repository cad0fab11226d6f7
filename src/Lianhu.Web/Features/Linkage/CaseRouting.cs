using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Sharing;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Linkage;

/// <summary>What intake knows about the victim and the case beyond the level; all optional.</summary>
public sealed record RoutingInputs(bool? Minor, bool? Elderly, bool? Disabled, IReadOnlyList<string>? Violence, IReadOnlyList<string>? Needs);

/// <summary>
/// Routes a case: builds the <see cref="RoutingContext"/> from the newest assessment and the
/// optional intake inputs, asks the <see cref="RoutingPolicy"/> for tasks, and creates the ones that
/// do not exist yet — idempotent per (agency, rule, role): an open or declined task for the same
/// agency and rule is never created twice. Each new task starts a clock (rule <c>linkage-task</c>,
/// subject <c>task</c>) owned by the task's agency, so an unanswered task breaches and escalates
/// like any statutory clock. A task for a non-statutory body (<see cref="SharingPolicy"/>) that no
/// consent or legal basis in force covers is created <c>held</c>, without a clock, and the lead is
/// told; <see cref="ReleaseHeld"/> starts it once consent is recorded.
/// </summary>
public sealed class CaseRouting(
    LianhuDbContext db, DirectoryCache directory, RoutingPolicy policy, ClockRuleCatalogue clocks, IOptions<ClockEngineOptions> clockOptions, AuditTrail audit, TimeProvider time, InboxPublisher inbox, ConferenceScheduler conferences, Notifications.WebhookOutbox outbox, IntakeRoutingInputs intakeInputs, SharingPolicy sharing)
{
    public const string ClockRule = "linkage-task";
    public const string ClockSubjectType = "task";

    private static readonly CaseTaskStatus[] Blocking = [.. TaskHolders.Open, CaseTaskStatus.Declined, CaseTaskStatus.Held];

    /// <summary>Routes after an assessment was recorded (the assessment's one-line hook).</summary>
    public Task<IReadOnlyList<CaseTask>> RouteAfterAssessmentAsync(Guid caseId, CurrentUser actor, CancellationToken ct) =>
        RouteAsync(caseId, actor, null, ct);

    public async Task<IReadOnlyList<CaseTask>> RouteAsync(Guid caseId, CurrentUser actor, RoutingInputs? inputs, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, ct);
        if (found.Status == CaseStatus.Closed)
        {
            return [];
        }

        // Without explicit inputs, route on what the intake recorded (needs, violence, minor/elderly victims).
        inputs ??= await intakeInputs.ForCaseAsync(caseId, ct);
        var newest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.CommonLevel, a.Referral, a.AssessedAt, a.Criteria }).FirstOrDefaultAsync(ct);
        var community = DivisionCode.Parse(found.DivisionCode);
        var directory = await DirectoryAsync(found.DivisionCode, ct);
        var context = new RoutingContext(community, newest?.CommonLevel)
        {
            Referral = newest?.Referral ?? false,
            Minor = inputs?.Minor ?? false,
            Elderly = inputs?.Elderly ?? false,
            Disabled = inputs?.Disabled ?? false,
            Violence = (inputs?.Violence ?? []).Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal),
            Needs = (inputs?.Needs ?? []).Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal),
        };
        var routed = policy.Route(context, directory);
        var centreId = RoutingPolicy.RoutingCentre(community, directory)?.Id ?? found.LeadAgencyId;
        var existing = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && t.Rule != null && Blocking.Contains(t.Status))
            .Select(t => new { t.AgencyId, t.Rule, t.Role }).ToListAsync(ct);

        var now = time.GetUtcNow();
        var consents = routed.Any(r => sharing.NeedsConsent(r.AgencyType))
            ? await db.CaseConsents.AsNoTracking().Where(c => c.CaseId == caseId && c.WithdrawnAt == null).ToListAsync(ct)
            : [];
        var created = new List<CaseTask>();
        foreach (var r in routed)
        {
            if (existing.Any(e => e.AgencyId == r.AgencyId && e.Rule == r.Rule && e.Role == r.Role)
                || created.Any(t => t.AgencyId == r.AgencyId && t.Rule == r.Rule && t.Role == r.Role))
            {
                continue;
            }

            var id = Guid.CreateVersion7(now);
            CaseTask task;
            if (sharing.NeedsConsent(r.AgencyType) && !consents.Any(c => c.IsInForceAt(now) && c.Covers(r.AgencyId, r.AgencyType)))
            {
                task = CaseTask.RouteHeld(id, caseId, r, centreId, now.AddHours(r.DueHours), actor.UserId, now);
                audit.Record(actor.AsActor(), "task.hold", "task", id.ToString(), section: "case:" + caseId.ToString("N"), reason: "consent-needed");
            }
            else
            {
                var clock = StartClock(caseId, id, r.DueHours, r.AgencyId, actor.UserId, now);
                task = CaseTask.Route(id, caseId, r, centreId, clock.DueAt, actor.UserId, now);
                task.AttachClock(clock.Id);
                audit.Record(actor.AsActor(), "task.create", "task", id.ToString(), section: "case:" + caseId.ToString("N"));
            }

            db.CaseTasks.Add(task);
            created.Add(task);
        }

        // A held task tells the lead (consent needed), never the body it is held from.
        var signals = created.Select(t => InboxSignal.ForNewTask(t.AgencyId, t.Status == CaseTaskStatus.Held, found.LeadAgencyId, t.Id, t.CaseId)).ToList();
        if (newest is not null && (newest.CommonLevel == Domain.Instruments.CommonRiskLevel.High || newest.Referral))
        {
            var conference = await conferences.ScheduleIfDueAsync(found, newest.CommonLevel == Domain.Instruments.CommonRiskLevel.High ? ConferenceTrigger.HighRisk : ConferenceTrigger.Referral,
                newest.AssessedAt, newest.CommonLevel, newest.Criteria, [.. created.Where(t => t.Status != CaseTaskStatus.Held)], directory, actor, now, ct);
            if (conference is not null)
            {
                signals.AddRange(conference.InvitedAgencyIds.Select(a => InboxSignal.ForAgency(a, "conference.scheduled", conference.Id, caseId)));
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            await outbox.StageAsync(signals, ct);
            await db.SaveChangesAsync(ct);
            await inbox.PublishAsync(signals, ct);
        }

        return created;
    }

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
            audit.Record(actor, "task.release", "task", task.Id.ToString(), section: "case:" + caseId.ToString("N"));
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
    public static void AttachOrHold(CaseTask task, Clock? clock, AuditActor actor, string action, AuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(audit);
        if (clock is null)
        {
            task.Hold();
            audit.Record(actor, "task.hold", "task", task.Id.ToString(), section: "case:" + task.CaseId.ToString("N"), reason: "consent-needed");
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
