using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Domain.Visits;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Legal;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Visits;

/// <summary>
/// Return visits as linkage tasks (kind <c>return-visit</c>): each visit the policy calls for goes
/// to the agency of the named type nearest the case's community, found by the routing resolver
/// (<see cref="RoutingPolicy.Resolve"/>; the routing centre when the city has none), and carries
/// the clock that guards it, owned by that agency. The task lands in the agency's inbox, is accepted
/// or declined like any task, and is completed by recording the visit. Changes join the caller's
/// unit of work; <see cref="PublishAsync"/> pushes the inbox signals once the caller has saved.
/// </summary>
public sealed class ReturnVisitTasks(
    LianhuDbContext db, ReturnVisitPolicy policy, TaskClocks routing, LegalClocks clocks, TaskMoves moves, AuditTrail audit, InboxPublisher inbox, Notifications.WebhookOutbox outbox)
{
    private readonly List<InboxSignal> pending = [];
    private readonly List<InboxSignal> unstaged = [];

    /// <summary>Where a case's visits happen: its community, the agencies of its city, its lead.</summary>
    public sealed record Place(Guid CaseId, DivisionCode Community, Guid LeadAgencyId, IReadOnlyList<DirectoryAgency> Directory);

    /// <summary>The case's place; the case may still be unsaved (tracked by this unit of work).</summary>
    public async Task<Place> PlaceOfAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Cases.FindAsync([caseId], ct) ?? throw new InvalidOperationException("No such case.");
        return new Place(caseId, DivisionCode.Parse(found.DivisionCode), found.LeadAgencyId, await routing.DirectoryAsync(found.DivisionCode, ct));
    }

    /// <summary>
    /// The visit an event calls for (policy <c>events</c>): due by the event's own clock rule, or N
    /// days after it; the clock's subject is the record the event made (the letter, the order, the stay).
    /// </summary>
    public async Task<CaseTask?> ForEventAsync(Guid caseId, VisitEvent visitEvent, DateTimeOffset eventAt, ClockSubject subject, CurrentUser actor, DateTimeOffset now, CancellationToken ct)
    {
        var visit = policy.For(visitEvent);
        var computation = visit.ClockRule is { } rule
            ? clocks.Catalogue.Compute(rule, ClockStart.At(eventAt))
            : clocks.Catalogue.Compute(VisitPlanner.PlannedVisitRule, ClockStart.At(eventAt), new ClockOptions { Amount = visit.Days });
        var task = Create(await PlaceOfAsync(caseId, ct), visit.Agency, visit.Reason, computation, subject, actor, now);
        await StageAsync(ct);
        return task;
    }

    /// <summary>
    /// One planned or event visit for the nearest agency of <paramref name="type"/>. A visit whose
    /// due time has already passed when it is planned (a back-dated event) is not created.
    /// </summary>
    public CaseTask? Create(Place place, AgencyType type, RoutingText reason, ClockComputation computation, ClockSubject subject, CurrentUser actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(computation);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(actor);
        if (computation.Due <= now)
        {
            return null;
        }

        var centre = RoutingPolicy.RoutingCentre(place.Community, place.Directory);
        var visitor = RoutingPolicy.Resolve(place.Directory, type, place.Community);
        var holder = visitor ?? centre ?? place.Directory.FirstOrDefault(a => a.Id == place.LeadAgencyId);
        if (holder is null)
        {
            return null;
        }

        var text = visitor is not null ? reason : new RoutingText($"{reason.ZhCn}；目录中无此类机构，由联动中心指派", $"{reason.En}; no such agency in the directory, the linkage centre assigns it");
        var id = Guid.CreateVersion7(now);
        var clock = clocks.Start(actor.AsActor(), actor.UserId, place.CaseId, subject, computation, holder.Id, now);
        var task = CaseTask.ReturnVisit(id, place.CaseId, holder.Id, holder.Type, holder.Division.Tier, centre?.Id ?? place.LeadAgencyId, text, policy.Version, clock.DueAt, actor.UserId, now);
        task.AttachClock(clock.Id);
        db.CaseTasks.Add(task);
        audit.Record(actor.AsActor(), AuditAction.TaskCreate, "task", id.ToString(), section: "case:" + place.CaseId.ToString("N"));
        Signal(InboxSignal.ForAgency(holder.Id, "task.new", id, place.CaseId));
        return task;
    }

    /// <summary>Stages the webhook rows of the tasks created so far (same transaction as the tasks).</summary>
    public async Task StageAsync(CancellationToken ct)
    {
        var signals = unstaged.ToList();
        unstaged.Clear();
        await outbox.StageAsync(signals, ct);
    }

    /// <summary>
    /// The visit was recorded: the task completes with the visit's outcome, its clock completes if
    /// still in time (a breach stands), and the lead and the routing centre hear of it.
    /// </summary>
    public async Task CompleteAsync(CaseTask task, CurrentUser by, string outcome, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(by);
        task.CompleteByVisit(by.UserId, outcome, now);
        await moves.SettleClockAsync(task, completed: true, outcome, now, ct);
        audit.Record(by.AsActor(), AuditAction.TaskComplete, "task", task.Id.ToString(), section: "case:" + task.CaseId.ToString("N"));
        var lead = await db.Cases.AsNoTracking().Where(c => c.Id == task.CaseId).Select(c => c.LeadAgencyId).SingleAsync(ct);
        Signal(InboxSignal.ForAgency(lead, "task.completed", task.Id, task.CaseId));
        Signal(InboxSignal.ForAgency(task.RoutingCentreId, "task.completed", task.Id, task.CaseId));
        await StageAsync(ct);
    }

    /// <summary>The open return-visit task that carries a clock (e.g. a warning letter's follow-up), tracked; null when none.</summary>
    public Task<CaseTask?> OpenWithClockAsync(Guid clockId, CancellationToken ct) =>
        db.CaseTasks.Where(t => t.ClockId == clockId && t.Kind == CaseTaskKind.ReturnVisit && TaskHolders.Open.Contains(t.Status)).FirstOrDefaultAsync(ct);

    private void Signal(InboxSignal signal)
    {
        pending.Add(signal);
        unstaged.Add(signal);
    }

    /// <summary>Pushes the inbox signals of this unit of work; call after it saved.</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        var signals = pending.ToList();
        pending.Clear();
        await inbox.PublishAsync(signals, ct);
    }
}
