using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Prior history at intake: for each party of a case, the other records of the same person
/// (linked in the person index) that the caller may see, the incidents of the last 12 months,
/// and — for what lies outside the caller's scope — only how many records exist elsewhere
/// ("3 records held by other units — request access"), because that alone changes the risk picture.
/// </summary>
public static class GetCaseHistory
{
    public const string KindCase = "case";

    /// <param name="Records">What the caller may open: cases now; warning letters, protection orders and tasks take their own <c>kind</c> when they exist.</param>
    /// <param name="Elsewhere">Counts only, for records the caller may not see.</param>
    /// <param name="LinkedBy">Why this party's record is linked to another one (id-number, phone, confirmed), or null: it can then be unmerged.</param>
    public sealed record PartyHistory(
        Guid PartyId,
        string Role,
        Guid PersonId,
        string? Name,
        string? LinkedBy,
        int LinkedRecords,
        int IncidentsLast12Months,
        IReadOnlyList<HistoryRecord> Records,
        ElsewhereCount Elsewhere);

    /// <param name="Kind">case (later: warning-letter, protection-order, task).</param>
    /// <param name="Role">The person's role in that record.</param>
    public sealed record HistoryRecord(
        string Kind, Guid Id, string Number, string Role, string Channel, string Status, DateTimeOffset At, string? Agency, int IncidentsLast12Months);

    /// <param name="Total">Records held by units the caller may not see.</param>
    /// <param name="ByKind">The same total split by kind (<c>case</c>, …).</param>
    public sealed record ElsewhereCount(int Total, IReadOnlyDictionary<string, int> ByKind, int IncidentsLast12Months);

    public sealed record History(Guid CaseId, DateTimeOffset AsOf, IReadOnlyList<PartyHistory> Parties);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/history", async Task<Results<Ok<History>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } history ? TypedResults.Ok(history) : TypedResults.NotFound()).OnCase(CaseSteps.History)
            .WithName("GetCaseHistory")
            .WithTags("Cases")
            .WithSummary("Prior history of the case's parties: records you may see, incidents in 12 months, and counts of records held elsewhere");

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit, TimeProvider time)
    {
        /// <summary>Null when the case is out of scope or the caller may not read the parties' identity (the page shows nothing then).</summary>
        public async Task<History?> HandleAsync(Guid caseId, CancellationToken ct)
        {
            if ((await gate.EnterAsync(caseId, CaseSteps.History, ct)).Value is not { } inside)
            {
                return null;
            }

            var user = inside.User;

            var now = time.GetUtcNow();
            var since = now.AddYears(-1);
            var parties = (await IntakeView.PartiesAsync(db, caseId, ct)).Where(p => p.Party.Role != PartyRole.Reporter).ToList();
            var roots = parties.Select(p => p.Person.RootId).Distinct().ToList();
            var members = await db.Persons.AsNoTracking().Where(p => roots.Contains(p.RootId)).Select(p => new { p.Id, p.RootId }).ToListAsync(ct);
            var memberIds = members.Select(m => m.Id).ToList();
            var rootOf = members.ToDictionary(m => m.Id, m => m.RootId);
            var elsewhereLinks = await db.CaseParties.AsNoTracking()
                .Where(p => memberIds.Contains(p.PersonId) && p.CaseId != caseId)
                .Select(p => new { p.CaseId, p.PersonId, p.Role })
                .ToListAsync(ct);
            var otherCaseIds = elsewhereLinks.Select(l => l.CaseId).Distinct().ToList();
            var visible = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => otherCaseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            var incidentCaseIds = otherCaseIds.Append(caseId).ToList();
            var incidents = await db.CaseEvents.AsNoTracking()
                .Where(e => incidentCaseIds.Contains(e.CaseId) && (e.Kind == CaseEventKind.Opened || e.Kind == CaseEventKind.AlarmAttached) && e.At >= since)
                .GroupBy(e => e.CaseId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var names = await CaseNames.LoadAsync(db, visible.Values, ct);

            var result = new List<PartyHistory>();
            foreach (var (party, person) in parties)
            {
                var links = elsewhereLinks.Where(l => rootOf.GetValueOrDefault(l.PersonId) == person.RootId).ToList();
                var records = links.Where(l => visible.ContainsKey(l.CaseId))
                    .GroupBy(l => l.CaseId)
                    .Select(g => (Case: visible[g.Key], g.First().Role))
                    .Select(x => new HistoryRecord(
                        KindCase, x.Case.Id, x.Case.Number, StableName.Of(x.Role), StableName.Of(x.Case.Channel), StableName.Of(x.Case.Status), x.Case.CreatedAt,
                        names.Agency(x.Case.LeadAgencyId), incidents.GetValueOrDefault(x.Case.Id)))
                    .OrderByDescending(r => r.At)
                    .ToList();
                var hidden = links.Select(l => l.CaseId).Where(id => !visible.ContainsKey(id)).Distinct().ToList();
                var elsewhere = new ElsewhereCount(
                    hidden.Count,
                    hidden.Count == 0 ? new Dictionary<string, int>() : new Dictionary<string, int> { [KindCase] = hidden.Count },
                    hidden.Sum(id => incidents.GetValueOrDefault(id)));
                var incidentsSeen = incidents.GetValueOrDefault(caseId) + records.Sum(r => r.IncidentsLast12Months);
                result.Add(new PartyHistory(
                    party.Id, StableName.Of(party.Role), person.Id, person.Name, person.MergeReason, members.Count(m => m.RootId == person.RootId) - 1, incidentsSeen, records, elsewhere));
            }

            audit.Record(user.AsActor(), AuditAction.CaseHistoryRead, "case", caseId.ToString(), "identity");
            await db.SaveChangesAsync(ct);
            return new History(caseId, now, result);
        }
    }
}
