using Lianhu.Domain.People;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Persons;

/// <summary>
/// Who may see or act on a person record: whoever may see a case in which any record of the same
/// person (its cluster) is a party. Everyone else gets 404, as for cases.
/// </summary>
public sealed class PersonAccess(LianhuDbContext db)
{
    public async Task<Person?> FindAsync(Guid personId, CurrentUser user, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct);
        return person is not null && await CanSeeClusterOfAsync(personId, user, ct) ? person : null;
    }

    /// <summary>
    /// Whether the user may see a case of the cluster this record belongs to. The record's root is
    /// resolved inside the same statement: a root read a moment earlier may already be stale,
    /// because a concurrent merge moves the whole cluster and leaves the old root empty.
    /// </summary>
    public Task<bool> CanSeeClusterOfAsync(Guid personId, CurrentUser user, CancellationToken ct)
    {
        var root = db.Persons.Where(p => p.Id == personId).Select(p => p.RootId);
        var caseIds = from party in db.CaseParties
                      join person in db.Persons on party.PersonId equals person.Id
                      where root.Contains(person.RootId)
                      select party.CaseId;
        return db.Cases.VisibleTo(user).AnyAsync(c => caseIds.Contains(c.Id), ct);
    }

    /// <summary>The cases the user may see in which a record of one of these clusters is a party.</summary>
    public IQueryable<Guid> VisibleCasesOf(IReadOnlyCollection<Guid> rootIds, CurrentUser user)
    {
        var roots = rootIds.ToList();
        var caseIds = from party in db.CaseParties
                      join person in db.Persons on party.PersonId equals person.Id
                      where roots.Contains(person.RootId)
                      select party.CaseId;
        return db.Cases.VisibleTo(user).Where(c => caseIds.Contains(c.Id)).Select(c => c.Id);
    }

    /// <summary>Every case in which a record of these clusters is a party, whoever may see it (for timeline entries).</summary>
    public Task<List<Guid>> AllCasesOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.ToList();
        return db.CaseParties.Where(p => ids.Contains(p.PersonId)).Select(p => p.CaseId).Distinct().ToListAsync(ct);
    }
}
