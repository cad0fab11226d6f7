using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Finds the open case a repeat 110 alarm belongs to: the same household (a victim or respondent
/// already linked to the same person, or the same address) with an incident within
/// <see cref="IntakeOptions.RepeatAlarmDays"/>, among the cases the caller may see. A case the
/// caller may not see is never joined: they open their own and the history shows that records
/// exist elsewhere.
/// </summary>
public sealed class RepeatAlarms(LianhuDbContext db, IOptions<IntakeOptions> options)
{
    /// <summary>At most this many of the linked persons' cases are considered (newest first).</summary>
    private const int MaxPersonCases = 50;

    /// <param name="addressCases">Earlier intakes at the intake's address (<see cref="IntakeLookup"/>).</param>
    public async Task<Case?> FindOpenCaseAsync(CurrentUser user, IReadOnlyCollection<Guid> householdRoots, IReadOnlyList<Guid> addressCases, DateTimeOffset now, CancellationToken ct)
    {
        // Index lookups first (usually nothing: a new household); only candidates are checked for scope, status and recency.
        var candidates = addressCases.ToList();
        if (householdRoots.Count > 0)
        {
            var roots = householdRoots.ToList();
            candidates.AddRange(await (from party in db.CaseParties
                                       join person in db.Persons on party.PersonId equals person.Id
                                       where roots.Contains(person.RootId) && (party.Role == PartyRole.Victim || party.Role == PartyRole.Respondent)
                                       select party.CaseId)
                .Distinct().OrderByDescending(id => id).Take(MaxPersonCases).ToListAsync(ct));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var since = now.AddDays(-options.Value.RepeatAlarmDays);
        return await db.Cases.AsNoTracking().VisibleTo(user)
            .Where(c => candidates.Contains(c.Id) && c.Status == CaseStatus.Open)
            .Where(c => db.CaseEvents.Any(e => e.CaseId == c.Id && (e.Kind == CaseEventKind.Opened || e.Kind == CaseEventKind.AlarmAttached) && e.At >= since))
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
    }
}
