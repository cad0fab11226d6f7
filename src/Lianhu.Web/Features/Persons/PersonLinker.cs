using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Intake;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// Links freshly recorded persons to records already in the index by exact keys: the same
/// resident ID number always; the same phone only when the names match too (a household shares
/// a phone; a mother and her child are not one person) and the ID numbers do not conflict.
/// Every link is a reversible merge (reason <c>id-number</c> or <c>phone</c>).
/// </summary>
public sealed class PersonLinker(LianhuDbContext db, PersonNameMatcher matcher)
{
    /// <summary>The keys to look up earlier records by (<see cref="Persons.IntakeLookup"/>).</summary>
    public static (IReadOnlyCollection<string> Ids, IReadOnlyCollection<string> Phones) KeysOf(IReadOnlyList<Person> fresh) =>
        ([.. fresh.Select(p => p.IdNumberIndex).OfType<string>().Distinct()], [.. fresh.Select(p => p.PhoneIndex).OfType<string>().Distinct()]);

    /// <param name="rows">Earlier records sharing one of the fresh persons' keys, oldest first (<see cref="Persons.IntakeLookup"/>).</param>
    /// <returns>For each linked fresh person, the root it joined.</returns>
    public async Task<Dictionary<Guid, Guid>> LinkAsync(IReadOnlyList<Person> fresh, IReadOnlyList<Persons.IntakeLookup.Row> rows, Guid userId, DateTimeOffset at, CancellationToken ct)
    {
        var linked = new Dictionary<Guid, Guid>();
        if (rows.Count == 0)
        {
            return linked;
        }

        Dictionary<Guid, Person>? phoneCandidates = null;
        foreach (var person in fresh)
        {
            var byId = person.IdNumberIndex is null ? null : rows.FirstOrDefault(r => r.IdNumberIndex == person.IdNumberIndex);
            if (byId is not null)
            {
                linked[person.Id] = new PersonCluster([person]).MergeInto(byId.RootId, PersonCluster.ReasonIdNumber, userId, at).RootId;
                continue;
            }

            var samePhone = person.PhoneIndex is null ? [] : rows.Where(r => r.PhoneIndex == person.PhoneIndex).Select(r => r.Id).ToList();
            if (samePhone.Count == 0)
            {
                continue;
            }

            // Names are needed now: decrypt just these few rows, in memory.
            var phoneRowIds = rows.Where(r => r.PhoneIndex != null).Select(r => r.Id).ToList();
            phoneCandidates ??= await db.Persons.AsNoTracking().Where(p => phoneRowIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            var match = samePhone.Select(id => phoneCandidates[id])
                .FirstOrDefault(c => !(c.IdNumberIndex is not null && person.IdNumberIndex is not null && c.IdNumberIndex != person.IdNumberIndex)
                    && matcher.Compare(person.AsCandidate(), c.AsCandidate()).IsSuggestion);
            if (match is not null)
            {
                linked[person.Id] = new PersonCluster([person]).MergeInto(match.RootId, PersonCluster.ReasonPhone, userId, at).RootId;
            }
        }

        return linked;
    }
}
