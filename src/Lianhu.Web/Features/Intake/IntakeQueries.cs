using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// The reads on the intake's hot path, compiled once (EF skips translating and caching the
/// expression on every request). Each is one indexed lookup.
/// </summary>
internal static class IntakeQueries
{
    public static readonly Func<LianhuDbContext, Guid, string, CancellationToken, Task<IdempotencyRecord?>> IdempotencyRecord =
        EF.CompileAsyncQuery((LianhuDbContext db, Guid user, string key, CancellationToken ct) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.UserId == user && r.Key == key));

    /// <summary>The lead agency's name and the community's name in one round trip.</summary>
    public static readonly Func<LianhuDbContext, Guid, string, CancellationToken, Task<LeadNames?>> Names =
        EF.CompileAsyncQuery((LianhuDbContext db, Guid agency, string division, CancellationToken ct) =>
            db.Agencies.AsNoTracking().Where(a => a.Id == agency)
                .Select(a => new LeadNames(a.Name, db.Divisions.Where(d => d.Code == division).Select(d => d.Name).FirstOrDefault()))
                .FirstOrDefault());

    /// <summary>Cases of the same household: the same address key, or a victim or respondent in one of these person clusters.</summary>
    public static readonly Func<LianhuDbContext, string, List<Guid>, IAsyncEnumerable<Guid>> HouseholdCases =
        EF.CompileAsyncQuery((LianhuDbContext db, string address, List<Guid> roots) =>
            db.CaseIntakes.Where(i => i.AddressIndex == address).Select(i => i.CaseId)
                .Concat(from party in db.CaseParties
                        join person in db.Persons on party.PersonId equals person.Id
                        where roots.Contains(person.RootId) && (party.Role == PartyRole.Victim || party.Role == PartyRole.Respondent)
                        select party.CaseId)
                .Distinct()
                .Take(50));

    public sealed record LeadNames(string AgencyName, string? DivisionName);
}
