using Lianhu.Domain.Alarms;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// One row of a source, joined to its case: the case's place (division, lead, channel), the row's
/// acting agency, the instant that puts it in a period, its status and kind, and the start, end and
/// due time a duration or an on-time condition reads.
/// </summary>
public sealed record Fact(
    Guid CaseId, string DivisionCode, Guid LeadAgencyId, Channel Channel, Guid AgencyId, DateTimeOffset At,
    string Status, string Kind, DateTimeOffset? Start, DateTimeOffset? End, DateTimeOffset? Due, int ReopenCount);

/// <summary>
/// The rows of each source as EF LINQ over the cases in the viewer's statistics scope (a join, so
/// the scope is in the WHERE) and the period asked for; the same on SQLite and PostgreSQL. Enum
/// columns are read as values and named in memory.
/// </summary>
public static class StatisticsFacts
{
    public static async Task<List<Fact>> LoadAsync(LianhuDbContext db, IQueryable<Case> cases, string source, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        switch (source)
        {
            case StatisticsSources.Cases:
                return (await cases.Where(c => c.CreatedAt >= from && c.CreatedAt < until)
                        .Select(c => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, c.CreatedAt, c.Status, c.ClosedAt, c.ReopenCount })
                        .ToListAsync(ct))
                    .Select(c => new Fact(c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, c.LeadAgencyId, c.CreatedAt, StableName.Of(c.Status), StableName.Of(c.Channel), c.CreatedAt, c.ClosedAt, null, c.ReopenCount))
                    .ToList();
            case StatisticsSources.Tasks:
                return (await db.CaseTasks.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < until)
                        .Join(cases, t => t.CaseId, c => c.Id, (t, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, t.AgencyId, t.CreatedAt, t.Status, t.Kind, t.AcceptedAt, t.DueAt })
                        .ToListAsync(ct))
                    .Select(t => new Fact(t.Id, t.DivisionCode, t.LeadAgencyId, t.Channel, t.AgencyId, t.CreatedAt, StableName.Of(t.Status), StableName.Of(t.Kind), t.CreatedAt, t.AcceptedAt, t.DueAt, 0))
                    .ToList();
            case StatisticsSources.Clocks:
                return (await db.Clocks.AsNoTracking().Where(k => k.StartedAt >= from && k.StartedAt < until)
                        .Join(cases, k => k.CaseId, c => c.Id, (k, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, k.OwnerAgencyId, k.StartedAt, k.State, k.RuleId, k.CompletedAt, k.DueAt })
                        .ToListAsync(ct))
                    .Select(k => new Fact(k.Id, k.DivisionCode, k.LeadAgencyId, k.Channel, k.OwnerAgencyId, k.StartedAt, StableName.Of(k.State), k.RuleId, k.StartedAt, k.CompletedAt, k.DueAt, 0))
                    .ToList();
            case StatisticsSources.Breaches:
                return (await db.ClockBreaches.AsNoTracking().Where(b => b.BreachedAt >= from && b.BreachedAt < until)
                        .Join(cases, b => b.CaseId, c => c.Id, (b, c) => new Fact(c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, b.OwnerAgencyId, b.BreachedAt, "breached", b.RuleId, b.DueAt, b.BreachedAt, b.DueAt, 0))
                        .ToListAsync(ct));
            case StatisticsSources.ProtectionOrders:
                return (await db.ProtectionOrders.AsNoTracking().Where(o => o.ReceivedAt >= from && o.ReceivedAt < until)
                        .Join(cases, o => o.CaseId, c => c.Id, (o, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, o.CourtAgencyId, o.ReceivedAt, o.Status, o.Emergency, o.AcceptedAt, o.RuledAt })
                        .ToListAsync(ct))
                    .Select(o => new Fact(o.Id, o.DivisionCode, o.LeadAgencyId, o.Channel, o.CourtAgencyId, o.ReceivedAt, StableName.Of(o.Status), o.Emergency ? "emergency" : "ordinary", o.AcceptedAt, o.RuledAt, null, 0))
                    .ToList();
            case StatisticsSources.WarningLetters:
                return (await db.WarningLetters.AsNoTracking().Where(w => w.IssuedAt >= from && w.IssuedAt < until)
                        .Join(cases, w => w.CaseId, c => c.Id, (w, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, w.IssuedByAgencyId, w.IssuedAt, w.PriorLetters })
                        .ToListAsync(ct))
                    .Select(w => new Fact(w.Id, w.DivisionCode, w.LeadAgencyId, w.Channel, w.IssuedByAgencyId, w.IssuedAt, "issued", w.PriorLetters > 0 ? "repeat" : "first", w.IssuedAt, null, null, 0))
                    .ToList();
            case StatisticsSources.Visits:
                return (await db.Visits.AsNoTracking().Where(v => v.VisitedAt >= from && v.VisitedAt < until)
                        .Join(cases, v => v.CaseId, c => c.Id, (v, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, v.ByAgencyId, v.VisitedAt, v.Outcome, v.Method })
                        .ToListAsync(ct))
                    .Select(v => new Fact(v.Id, v.DivisionCode, v.LeadAgencyId, v.Channel, v.ByAgencyId, v.VisitedAt, StableName.Of(v.Outcome), StableName.Of(v.Method), v.VisitedAt, null, null, 0))
                    .ToList();
            case StatisticsSources.Placements:
                return (await db.ShelterStays.AsNoTracking().Where(p => p.StartedAt >= from && p.StartedAt < until)
                        .Join(cases, p => p.CaseId, c => c.Id, (p, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, p.AgencyId, p.StartedAt, p.EndedAt, p.Kind })
                        .ToListAsync(ct))
                    .Select(p => new Fact(p.Id, p.DivisionCode, p.LeadAgencyId, p.Channel, p.AgencyId, p.StartedAt, p.EndedAt is null ? "open" : "ended", StableName.Of(p.Kind), p.StartedAt, p.EndedAt, null, 0))
                    .ToList();
            case StatisticsSources.OrderBreaches:
                // A breach belongs to its order's case; the acting agency is the order's court, the instant the report.
                return (await db.Set<ProtectionOrderBreach>().AsNoTracking().Where(b => b.ReportedAt >= from && b.ReportedAt < until)
                        .Join(db.ProtectionOrders.AsNoTracking(), b => b.OrderId, o => o.Id, (b, o) => new { b, o.CaseId, o.CourtAgencyId })
                        .Join(cases, x => x.CaseId, c => c.Id, (x, c) => new
                        {
                            c.Id,
                            c.DivisionCode,
                            c.LeadAgencyId,
                            c.Channel,
                            x.CourtAgencyId,
                            x.b.ReportedAt,
                            x.b.Response,
                            x.b.FineYuan,
                            x.b.DetentionDays,
                            x.b.DecidedAt,
                        })
                        .ToListAsync(ct))
                    .Select(b => new Fact(
                        b.Id, b.DivisionCode, b.LeadAgencyId, b.Channel, b.CourtAgencyId, b.ReportedAt, b.Response is null ? "reported" : "answered",
                        StatisticsSources.BreachKind(b.Response, b.FineYuan, b.DetentionDays), b.ReportedAt, b.DecidedAt, null, 0))
                    .ToList();
            case StatisticsSources.Alarms:
                // An alert belongs to its case; the acting agency is the one that acknowledged it (none while raised); the
                // span runs from the press to the acknowledgement, due at the acknowledgement deadline.
                return (await db.Set<AlarmAlert>().AsNoTracking().Where(a => a.RaisedAt >= from && a.RaisedAt < until)
                        .Join(cases, a => a.CaseId, c => c.Id, (a, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, a.AcknowledgedByAgencyId, a.RaisedAt, a.State, a.Outcome, a.AcknowledgedAt, a.AcknowledgeBy })
                        .ToListAsync(ct))
                    .Select(a => new Fact(
                        a.Id, a.DivisionCode, a.LeadAgencyId, a.Channel, a.AcknowledgedByAgencyId ?? Guid.Empty, a.RaisedAt, StableName.Of(a.State),
                        a.Outcome is { } outcome ? StableName.Of(outcome) : "open", a.RaisedAt, a.AcknowledgedAt, a.AcknowledgeBy, 0))
                    .ToList();
            case StatisticsSources.Conferences:
                return (await db.CaseConferences.AsNoTracking().Where(f => f.ScheduledAt >= from && f.ScheduledAt < until)
                        .Join(cases, f => f.CaseId, c => c.Id, (f, c) => new { c.Id, c.DivisionCode, c.LeadAgencyId, c.Channel, f.ConvenerAgencyId, f.ScheduledAt, f.Status, f.Trigger, f.CreatedAt, f.HeldAt })
                        .ToListAsync(ct))
                    .Select(f => new Fact(f.Id, f.DivisionCode, f.LeadAgencyId, f.Channel, f.ConvenerAgencyId, f.ScheduledAt, StableName.Of(f.Status), StableName.Of(f.Trigger), f.CreatedAt, f.HeldAt, null, 0))
                    .ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown statistics source.");
        }
    }
}
