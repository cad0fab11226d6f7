using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Every action by every agency on one chronological page ("leaving traces"), filtered by what
/// the viewer may see: the case itself through <see cref="CaseScope"/>, entries of the
/// <see cref="CaseSections.Reporter"/> section only for the lead unit, and the entries other parts
/// of the case keep (assessments, tasks, visits, legal records, breached clocks, consents —
/// <see cref="TimelineSources"/>) as far as the viewer may read their sections.
/// </summary>
public static class GetCaseTimeline
{
    /// <param name="Note">Free text of the entry (e.g. the repeat alarm's summary).</param>
    /// <param name="Detail">Non-personal detail: channel, changed fields, linked record ids.</param>
    /// <param name="Target">The other agency an entry names: the receiver of a lead transfer or escalation, a conference's convener, a task's holder, an order's court, a consent's recipient.</param>
    public sealed record Entry(Guid Id, DateTimeOffset At, string Kind, string Section, Guid AgencyId, string? Agency, string? Note, string? Detail, string? Target = null);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/timeline", async Task<Results<Ok<IReadOnlyList<Entry>>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } entries ? TypedResults.Ok(entries) : TypedResults.NotFound()).OnCase(CaseSteps.Timeline)
            .WithName("GetCaseTimeline")
            .WithTags("Cases")
            .WithSummary("The case's timeline, oldest first, as far as you may see it");

    private static readonly string OpenedKind = StableName.Of(CaseEventKind.Opened);

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit, TimelineSources sources)
    {
        public async Task<IReadOnlyList<Entry>?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            if ((await gate.EnterAsync(caseId, CaseSteps.Timeline, ct)).Value is not { } inside)
            {
                return null;
            }

            var (user, found) = (inside.User, inside.Case);
            // An entry's free text (a repeat alarm's summary, a request's reason) tells what happened: the incident section.
            var notes = inside.CanRead(CaseSection.Incident);
            var lead = found.LeadAgencyId == user.AgencyId;
            var events = await db.CaseEvents.AsNoTracking()
                .Where(e => e.CaseId == caseId && (lead || e.Section != CaseSections.Reporter))
                .ToListAsync(ct);
            var items = events.Select(e => new TimelineSources.Item(e.Id, e.At, StableName.Of(e.Kind), e.Section, e.AgencyId, e.Detail, OtherAgency(e)) { Note = notes ? e.Note : null })
                .Concat(await sources.ForAsync(found, user, ct))
                // What an intake started (its return-visit task, its clocks) shares the opening's instant and follows it.
                .OrderBy(i => i.At).ThenBy(i => i.Kind == OpenedKind ? 0 : 1).ThenBy(i => i.Id)
                .ToList();
            var agencyIds = items.Select(i => i.AgencyId).Concat(items.Select(i => i.Other).OfType<Guid>()).Distinct().ToList();
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            audit.Record(user.AsActor(), AuditAction.CaseTimelineRead, "case", caseId.ToString(), notes ? "timeline,incident" : "timeline");
            await db.SaveChangesAsync(ct);
            return [.. items.Select(i => new Entry(i.Id, i.At, i.Kind, i.Section, i.AgencyId, agencies.GetValueOrDefault(i.AgencyId), i.Note, i.Detail,
                i.Other is { } other ? agencies.GetValueOrDefault(other) : null))];
        }

        /// <summary>Linkage entries name the other agency (receiver, former lead, convener) by id in their detail.</summary>
        private static Guid? OtherAgency(CaseEvent e) =>
            e.Section == CaseSections.Linkage && e.Kind is not (CaseEventKind.ConferenceHeld or CaseEventKind.ConferenceCancelled) && Guid.TryParse(e.Detail, out var id) ? id : null;
    }
}
