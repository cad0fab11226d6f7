using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// What a household is (ADR 0019): the cases connected, directly or through one another, by a
/// victim or respondent who is the same person in the person index (the cluster root, so merges
/// count and unmerges split) or by the same address blind index — the rule repeat alarms already
/// use. Computed from every case, whoever may see it, so that what lies outside the caller's
/// scope can still be counted; callers decide what to show.
/// </summary>
public sealed class Households(LianhuDbContext db)
{
    /// <summary>A household never grows past this many cases (one lookup round adds at most a few; this bounds a pathological chain).</summary>
    public const int MaxCases = 200;

    private const int MaxRounds = 6;

    /// <summary>The cases of the household (or households) these cases belong to, the seeds included.</summary>
    public async Task<HashSet<Guid>> ExpandAsync(IReadOnlyCollection<Guid> seeds, CancellationToken ct)
    {
        var cases = seeds.ToHashSet();
        var roots = new HashSet<Guid>();
        var addresses = new HashSet<string>();
        var frontier = cases.ToList();
        for (var round = 0; round < MaxRounds && frontier.Count > 0 && cases.Count < MaxCases; round++)
        {
            var newRoots = (await RootsOf(frontier).ToListAsync(ct)).Where(roots.Add).ToList();
            var newAddresses = (await db.CaseIntakes.AsNoTracking().Where(i => frontier.Contains(i.CaseId) && i.AddressIndex != null)
                .Select(i => i.AddressIndex!).Distinct().ToListAsync(ct)).Where(addresses.Add).ToList();
            if (newRoots.Count == 0 && newAddresses.Count == 0)
            {
                break;
            }

            var linked = await (from party in db.CaseParties.AsNoTracking()
                                join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
                                where newRoots.Contains(person.RootId) && (party.Role == PartyRole.Victim || party.Role == PartyRole.Respondent)
                                select party.CaseId)
                .Concat(db.CaseIntakes.AsNoTracking().Where(i => newAddresses.Contains(i.AddressIndex!)).Select(i => i.CaseId))
                .Distinct()
                .Take(MaxCases)
                .ToListAsync(ct);
            frontier = [.. linked.Where(cases.Add)];
        }

        return cases;
    }

    /// <summary>The person clusters of the victims and respondents of these cases.</summary>
    public IQueryable<Guid> RootsOf(IReadOnlyCollection<Guid> caseIds)
    {
        var ids = caseIds.ToList();
        return (from party in db.CaseParties.AsNoTracking()
                join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
                where ids.Contains(party.CaseId) && (party.Role == PartyRole.Victim || party.Role == PartyRole.Respondent)
                select person.RootId).Distinct();
    }
}
