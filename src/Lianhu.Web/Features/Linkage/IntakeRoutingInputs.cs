using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Linkage;

/// <summary>
/// What routing needs from the intake: the needs and forms of violence recorded, whether a victim is
/// a minor (under 18) or elderly (60 or over, the Elderly Rights Law), and whether a child party is in
/// the household (children in a violent home are treated like a minor victim for the education line),
/// and whether a victim has a disability recorded.
/// </summary>
public sealed class IntakeRoutingInputs(LianhuDbContext db, TimeProvider time)
{
    public async Task<RoutingInputs?> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var intake = await db.CaseIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == caseId, ct);
        if (intake is null)
        {
            return null;
        }

        // Birth dates and disabilities are encrypted columns: read them and decide in memory, never in SQL.
        var parties = await (from party in db.CaseParties.AsNoTracking()
                             join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
                             where party.CaseId == caseId && (party.Role == PartyRole.Victim || party.Role == PartyRole.Child)
                             select new { party.Role, person.Id, person.BirthDate, party.Disability }).ToListAsync(ct);
        var births = parties.ToDictionary(p => p.Id, p => p.BirthDate);
        var today = ShanghaiTime.DayOf(time.GetUtcNow());
        int? Age(Guid id) => births.GetValueOrDefault(id) is { } born ? today.Year - born.Year - (today.DayOfYear < born.DayOfYear ? 1 : 0) : null;

        var victims = parties.Where(p => p.Role == PartyRole.Victim).Select(p => Age(p.Id)).ToList();
        var minor = victims.Any(a => a < 18) || parties.Any(p => p.Role == PartyRole.Child);
        var elderly = victims.Any(a => a >= 60);
        var disabled = parties.Any(p => p.Role == PartyRole.Victim && p.Disability is not null);
        return new RoutingInputs(
            minor, elderly, disabled,
            [.. intake.ViolenceForms.Select(StableName.Of)],
            [.. intake.Needs.Select(StableName.Of)]);
    }
}
