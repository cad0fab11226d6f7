using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// What routing needs from the intake: the needs and forms of violence recorded, whether a victim is
/// a minor (under 18) or elderly (60 or over, the Elderly Rights Law) on today's date in Shanghai time (<see cref="PartyAges"/>, <see cref="Lianhu.Domain.People.LegalAge"/>), and whether a child party is in
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
        var today = ShanghaiTime.DayOf(time.GetUtcNow());
        var ages = parties.Select(p => (p.Role, p.BirthDate)).ToList();
        var minor = PartyAges.MinorInvolved(ages, today);
        var elderly = PartyAges.ElderlyVictim(ages, today);
        var disabled = parties.Any(p => p.Role == PartyRole.Victim && p.Disability is not null);
        return new RoutingInputs(
            minor, elderly, disabled,
            [.. intake.ViolenceForms.Select(StableName.Of)],
            [.. intake.Needs.Select(StableName.Of)]);
    }
}
