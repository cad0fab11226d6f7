using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Sharing;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Assessments;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Sharing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Routing;

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
/// told; <see cref="TaskClocks.ReleaseHeld"/> starts it once consent is recorded. Runs after every
/// recorded assessment (<see cref="RouteAfterAssessment"/>) and when a centre routes by hand.
/// </summary>
public sealed class CaseRouting(
    LianhuDbContext db, RoutingPolicy policy, AuditTrail audit, TimeProvider time, InboxPublisher inbox, ConferenceScheduler conferences, Notifications.WebhookOutbox outbox, IntakeRoutingInputs intakeInputs, SharingPolicy sharing, TaskClocks taskClocks)
{
    public const string ClockRule = TaskClocks.ClockRule;
    public const string ClockSubjectType = TaskClocks.ClockSubjectType;

    private static readonly CaseTaskStatus[] Blocking = [.. TaskHolders.Open, CaseTaskStatus.Declined, CaseTaskStatus.Held];

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
        var directory = await taskClocks.DirectoryAsync(found.DivisionCode, ct);
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
                audit.Record(actor.AsActor(), AuditAction.TaskHold, "task", id.ToString(), section: "case:" + caseId.ToString("N"), reason: "consent-needed");
            }
            else
            {
                var clock = taskClocks.StartClock(caseId, id, r.DueHours, r.AgencyId, actor.UserId, now);
                task = CaseTask.Route(id, caseId, r, centreId, clock.DueAt, actor.UserId, now);
                task.AttachClock(clock.Id);
                audit.Record(actor.AsActor(), AuditAction.TaskCreate, "task", id.ToString(), section: "case:" + caseId.ToString("N"));
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
}

/// <summary>After an assessment: route the case at its new level (idempotent), in the assessment's unit of work.</summary>
public sealed class RouteAfterAssessment(CaseRouting routing) : ICaseListener<AssessmentRecorded>
{
    public Task SavedAsync(AssessmentRecorded happened, CancellationToken ct) => routing.RouteAsync(happened.CaseId, happened.By, null, ct);
}
