using System.Security.Cryptography;
using System.Text;
using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// The timeline entries every other part of the case already records with its own time and agency:
/// risk assessments, the tasks agencies received, accepted, declined, completed or had cancelled,
/// return visits, protection orders, warning letters, placements, breached clocks and consents.
/// They are read from their own tables when the timeline is shown — one source of truth, and the
/// history of cases older than the timeline included — each only when the viewer may read its
/// section (assessments: risk; visits: visits; legal records: legal), as their own pages decide.
/// Only non-personal detail is carried: levels, outcomes, kinds, agencies; free text stays on the
/// records' own pages.
/// </summary>
public sealed class TimelineSources(LianhuDbContext db, CaseAccess access)
{
    public const string Risk = "risk";
    public const string Tasks = "tasks";
    public const string Visits = "visits";
    public const string Legal = "legal";
    public const string Clocks = "clocks";
    public const string Sharing = "sharing";

    /// <summary>An entry before agency names are resolved; <paramref name="Other"/> is the other agency it names (task holder, court…).</summary>
    public sealed record Item(Guid Id, DateTimeOffset At, string Kind, string Section, Guid AgencyId, string? Detail, Guid? Other = null)
    {
        /// <summary>Free text (only the timeline's own entries have it, e.g. a repeat alarm's summary).</summary>
        public string? Note { get; init; }
    }

    public async Task<List<Item>> ForAsync(Case theCase, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(theCase);
        var id = theCase.Id;
        var items = new List<Item>();
        if (access.CanRead(user, theCase, CaseSection.Risk))
        {
            var assessments = await db.Assessments.AsNoTracking().Where(a => a.CaseId == id)
                .Select(a => new { a.Id, a.AssessedAt, a.AssessorAgencyId, a.CommonLevel }).ToListAsync(ct);
            items.AddRange(assessments.Select(a => new Item(a.Id, a.AssessedAt, "assessed", Risk, a.AssessorAgencyId, a.CommonLevel is { } level ? StableName.Of(level) : null)));
        }

        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == id)
            .Select(t => new { t.Id, t.Kind, t.AgencyId, t.RoutingCentreId, t.Status, t.CreatedAt, t.AcceptedAt, t.ClosedAt }).ToListAsync(ct);
        foreach (var t in tasks)
        {
            var kind = StableName.Of(t.Kind);
            items.Add(new Item(t.Id, t.CreatedAt, "task-created", Tasks, t.RoutingCentreId, kind, t.AgencyId));
            if (t.AcceptedAt is { } accepted)
            {
                items.Add(new Item(Derived(t.Id, "accepted"), accepted, "task-accepted", Tasks, t.AgencyId, kind));
            }

            if (t.ClosedAt is { } closed && t.Status is CaseTaskStatus.Completed or CaseTaskStatus.Declined or CaseTaskStatus.Cancelled)
            {
                var by = t.Status == CaseTaskStatus.Cancelled ? t.RoutingCentreId : t.AgencyId;
                items.Add(new Item(Derived(t.Id, "closed"), closed, "task-" + StableName.Of(t.Status), Tasks, by, kind, t.AgencyId));
            }
        }

        if (access.CanRead(user, theCase, CaseSection.Visits))
        {
            var visits = await db.Visits.AsNoTracking().Where(v => v.CaseId == id).Select(v => new { v.Id, v.VisitedAt, v.ByAgencyId, v.Outcome }).ToListAsync(ct);
            items.AddRange(visits.Select(v => new Item(v.Id, v.VisitedAt, "visit-recorded", Visits, v.ByAgencyId, StableName.Of(v.Outcome))));
        }

        if (access.CanRead(user, theCase, CaseSection.Legal))
        {
            await AddLegalAsync(id, items, ct);
        }

        var breaches = await db.ClockBreaches.AsNoTracking().Where(b => b.CaseId == id).Select(b => new { b.Id, b.BreachedAt, b.OwnerAgencyId, b.RuleId }).ToListAsync(ct);
        items.AddRange(breaches.Select(b => new Item(b.Id, b.BreachedAt, "clock-breached", Clocks, b.OwnerAgencyId, b.RuleId)));

        var consents = await db.CaseConsents.AsNoTracking().Where(c => c.CaseId == id)
            .Select(c => new
            {
                c.Id,
                c.Basis,
                c.RecordedAt,
                c.RecordedByAgencyId,
                c.WithdrawnAt,
                c.AgencyId,
                WithdrawnByAgencyId = db.Users.Where(u => u.Id == c.WithdrawnByUserId).Select(u => (Guid?)u.AgencyId).FirstOrDefault(),
            }).ToListAsync(ct);
        foreach (var c in consents)
        {
            items.Add(new Item(c.Id, c.RecordedAt, "consent-recorded", Sharing, c.RecordedByAgencyId, StableName.Of(c.Basis), c.AgencyId));
            if (c.WithdrawnAt is { } withdrawn)
            {
                items.Add(new Item(Derived(c.Id, "withdrawn"), withdrawn, "consent-withdrawn", Sharing, c.WithdrawnByAgencyId ?? c.RecordedByAgencyId, StableName.Of(c.Basis), c.AgencyId));
            }
        }

        return items;
    }

    private async Task AddLegalAsync(Guid id, List<Item> items, CancellationToken ct)
    {
        var orders = await db.ProtectionOrders.AsNoTracking().Where(o => o.CaseId == id)
            .Select(o => new { o.Id, o.ReceivedAt, o.FiledByAgencyId, o.CourtAgencyId, o.Status, o.RuledAt, o.RevokedAt }).ToListAsync(ct);
        foreach (var o in orders)
        {
            items.Add(new Item(o.Id, o.ReceivedAt, "order-filed", Legal, o.FiledByAgencyId, null, o.CourtAgencyId));
            if (o.RuledAt is { } ruled)
            {
                // A revoked order was issued first; its ruling stands on the timeline.
                var outcome = o.Status == Domain.Legal.ProtectionOrderStatus.Rejected ? "order-rejected" : "order-issued";
                items.Add(new Item(Derived(o.Id, "ruled"), ruled, outcome, Legal, o.CourtAgencyId, null));
            }

            if (o.RevokedAt is { } revoked)
            {
                items.Add(new Item(Derived(o.Id, "revoked"), revoked, "order-revoked", Legal, o.CourtAgencyId, null));
            }
        }

        // Breaches of an order (ADVL Art 34) and the court's answer to each.
        var orderIds = orders.Select(o => o.Id).ToList();
        var breaches = await db.Set<Domain.Legal.ProtectionOrderBreach>().AsNoTracking().Where(b => orderIds.Contains(b.OrderId))
            .OrderBy(b => b.Number).Select(b => new { b.Id, b.OrderId, b.ReportedAt, b.ReportedByAgencyId, b.Response, b.FineYuan, b.DetentionDays, b.DecidedAt }).ToListAsync(ct);
        foreach (var b in breaches)
        {
            var court = orders.Single(o => o.Id == b.OrderId).CourtAgencyId;
            items.Add(new Item(b.Id, b.ReportedAt, "order-breached", Legal, b.ReportedByAgencyId, null, court));
            if (b.DecidedAt is { } decided && b.Response is { } response)
            {
                items.Add(new Item(Derived(b.Id, "answered"), decided, "order-breach-answered", Legal, court, StableName.Of(response) + (b.FineYuan is { } fine ? $";fine={fine}" : string.Empty) + (b.DetentionDays is { } days ? $";detention={days}" : string.Empty)));
            }
        }

        var letters = await db.WarningLetters.AsNoTracking().Where(l => l.CaseId == id).Select(l => new { l.Id, l.IssuedAt, l.IssuedByAgencyId }).ToListAsync(ct);
        items.AddRange(letters.Select(l => new Item(l.Id, l.IssuedAt, "warning-letter", Legal, l.IssuedByAgencyId, null)));

        var stays = await db.ShelterStays.AsNoTracking().Where(s => s.CaseId == id)
            .Select(s => new { s.Id, s.Kind, s.AgencyId, s.StartedAt, s.EndedAt, s.Outcome }).ToListAsync(ct);
        foreach (var s in stays)
        {
            items.Add(new Item(s.Id, s.StartedAt, "placement-started", Legal, s.AgencyId, StableName.Of(s.Kind)));
            if (s.EndedAt is { } ended)
            {
                items.Add(new Item(Derived(s.Id, "ended"), ended, "placement-ended", Legal, s.AgencyId, s.Outcome is { } outcome ? StableName.Of(outcome) : null));
            }
        }
    }

    /// <summary>A stable id for the second entry a record gives (its acceptance, ruling, end…): the same on every read.</summary>
    private static Guid Derived(Guid source, string step)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{source:N}/{step}"), hash);
        return new Guid(hash[..16]);
    }
}
