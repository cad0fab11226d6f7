using Lianhu.Domain.Common;
using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// "This may be someone we already know": records of other people in the index that may be the
/// same person as a party, with a score and the reasons. Candidates are retrieved by keyed hash
/// only (same pinyin letters of the name, or same birth date), decrypted in memory and scored by
/// <see cref="PersonNameMatcher"/>; nothing is decrypted or compared in SQL. A suggestion is never
/// a merge: a person confirms or rejects it (<see cref="MergePerson"/>).
/// </summary>
public static class PersonSuggestions
{
    public const int MaxCandidates = 200;
    public const int MaxSuggestions = 10;
    public const string SameIdNumber = "id-number.same";

    /// <param name="PersonId">The candidate record to merge with.</param>
    /// <param name="Name">The candidate's name: suggestions are only records of cases you may see.</param>
    /// <param name="VisibleRecords">Cases of the candidate you may open.</param>
    /// <param name="OtherRecords">Cases of the candidate held by units you may not see (a count only).</param>
    public sealed record Suggestion(
        Guid PersonId, string? Name, DateOnly? BirthDate, string? Sex, decimal Score, IReadOnlyList<string> Reasons, int VisibleRecords, int OtherRecords);

    /// <param name="OtherMatches">Possible matches among records you may not see: a count only — ask the supervising linkage centre.</param>
    public sealed record Answer(Guid PersonId, IReadOnlyList<Suggestion> Suggestions, int OtherMatches = 0);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/persons/{id:guid}/suggestions", async Task<Results<Ok<Answer>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.ForPersonAsync(id, ct) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound()).NotACaseStep("a person record: PersonAccess limits it to records of cases the caller may see")
            .WithName("PersonSuggestions")
            .WithTags("Persons")
            .WithSummary("Possible matches of a person record in the index, with score and reasons");
        api.MapGet("/cases/{caseId:guid}/parties/{partyId:guid}/suggestions", async Task<Results<Ok<Answer>, NotFound>> (Guid caseId, Guid partyId, Handler handler, CancellationToken ct) =>
                await handler.ForPartyAsync(caseId, partyId, ct) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound()).OnCase(CaseSteps.PartySuggestions)
            .WithName("PartySuggestions")
            .WithTags("Persons")
            .WithSummary("Possible matches of a case party in the person index, with score and reasons");
    }

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, PersonAccess access, PersonIndexer indexer, PersonNameMatcher matcher, Audit.AuditTrail audit)
    {
        public async Task<Answer?> ForPartyAsync(Guid caseId, Guid partyId, CancellationToken ct)
        {
            var personId = await db.CaseParties.AsNoTracking().Where(p => p.Id == partyId && p.CaseId == caseId).Select(p => (Guid?)p.PersonId).SingleOrDefaultAsync(ct);
            return personId is { } id ? await ForPersonAsync(id, ct) : null;
        }

        public async Task<Answer?> ForPersonAsync(Guid personId, CancellationToken ct)
        {
            var user = current.Required;
            var person = await access.FindAsync(personId, user, ct);
            if (person is null)
            {
                return null;
            }

            var all = await SuggestAsync(person.RootId, user, ct);
            audit.Record(user.AsActor(), Lianhu.Domain.Access.AuditAction.PersonSuggestions, "person", personId.ToString(), "identity");
            await db.SaveChangesAsync(ct);
            // Records outside the caller's scope are never described — not a masked name, not a birth date: a count.
            return new Answer(personId, [.. all.Where(s => s.VisibleRecords > 0)], all.Count(s => s.VisibleRecords == 0));
        }

        public async Task<IReadOnlyList<Suggestion>> SuggestAsync(Guid rootId, CurrentUser user, CancellationToken ct)
        {
            var mine = await db.Persons.AsNoTracking().Where(p => p.RootId == rootId).ToListAsync(ct);
            var indexed = mine.Where(m => m.NameKeyIndex is not null || m.BirthDateIndex is not null || m.IdNumberIndex is not null).ToList();
            if (indexed.Count == 0)
            {
                return [];
            }

            var nameKeys = indexed.SelectMany(m => indexer.NameKeys(m.Name)).Distinct().ToList();
            var birthKeys = indexed.Select(m => m.BirthDateIndex).OfType<string>().Distinct().ToList();
            var candidates = await db.Persons.AsNoTracking()
                .Where(p => p.RootId != rootId && (nameKeys.Contains(p.NameKeyIndex!) || birthKeys.Contains(p.BirthDateIndex!)))
                .OrderByDescending(p => p.CreatedAt)
                .Take(MaxCandidates)
                .ToListAsync(ct);
            if (candidates.Count == 0)
            {
                return [];
            }

            var rejected = await RejectedRootsAsync(mine.Select(m => m.Id).ToList(), ct);
            var best = new Dictionary<Guid, (Person Candidate, NameMatch Match)>();
            foreach (var candidate in candidates.Where(c => !rejected.Contains(c.RootId)))
            {
                foreach (var member in indexed)
                {
                    if (Compare(member, candidate) is { IsSuggestion: true } match
                        && (!best.TryGetValue(candidate.RootId, out var current) || match.Score > current.Match.Score))
                    {
                        best[candidate.RootId] = (candidate, match);
                    }
                }
            }

            var top = best.Values.OrderByDescending(b => b.Match.Score).ThenByDescending(b => b.Candidate.CreatedAt).Take(MaxSuggestions).ToList();
            var roots = top.Select(t => t.Candidate.RootId).ToList();
            var counts = await RecordCountsAsync(roots, user, ct);
            return [.. top.Select(t =>
            {
                var (visible, all) = counts.GetValueOrDefault(t.Candidate.RootId);
                var c = t.Candidate;
                return new Suggestion(
                    c.Id, visible > 0 ? c.Name : Mask(c.Name), c.BirthDate, c.Sex is { } s ? StableName.Of(s) : null, t.Match.Score, t.Match.Reasons, visible, all - visible);
            })];
        }

        /// <summary>Identity numbers decide before names do: the same number is the same person, different numbers are different people.</summary>
        private NameMatch? Compare(Person mine, Person candidate)
        {
            if (mine.IdNumberIndex is not null && candidate.IdNumberIndex is not null)
            {
                return mine.IdNumberIndex == candidate.IdNumberIndex ? new NameMatch(1m, [SameIdNumber], IsSuggestion: true) : null;
            }

            return matcher.Compare(mine.AsCandidate(), candidate.AsCandidate());
        }

        private async Task<HashSet<Guid>> RejectedRootsAsync(List<Guid> mine, CancellationToken ct)
        {
            var others = await db.PersonMatchRejections.AsNoTracking()
                .Where(r => mine.Contains(r.PersonId) || mine.Contains(r.OtherPersonId))
                .Select(r => mine.Contains(r.PersonId) ? r.OtherPersonId : r.PersonId)
                .ToListAsync(ct);
            return others.Count == 0 ? [] : [.. await db.Persons.AsNoTracking().Where(p => others.Contains(p.Id)).Select(p => p.RootId).ToListAsync(ct)];
        }

        private async Task<Dictionary<Guid, (int Visible, int All)>> RecordCountsAsync(List<Guid> roots, CurrentUser user, CancellationToken ct)
        {
            var links = await (from party in db.CaseParties.AsNoTracking()
                               join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
                               where roots.Contains(person.RootId)
                               select new { person.RootId, party.CaseId }).Distinct().ToListAsync(ct);
            var visible = (await access.VisibleCasesOf(roots, user).ToListAsync(ct)).ToHashSet();
            return links.GroupBy(l => l.RootId).ToDictionary(g => g.Key, g => (g.Count(l => visible.Contains(l.CaseId)), g.Count()));
        }

        /// <summary>First character kept, the rest starred: enough to recognise a match, not to read a stranger's name.</summary>
        public static string? Mask(string? name) =>
            string.IsNullOrEmpty(name) ? name : string.Concat(name.AsSpan(0, char.IsSurrogate(name[0]) && name.Length > 1 ? 2 : 1), new string('*', Math.Max(1, name.Length - 1)));
    }
}
