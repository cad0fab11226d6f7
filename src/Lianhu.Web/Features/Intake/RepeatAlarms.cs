using Lianhu.Domain.Cases;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
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
    public async Task<Case?> FindOpenCaseAsync(CurrentUser user, IReadOnlyCollection<Guid> householdRoots, string? addressIndex, DateTimeOffset now, CancellationToken ct)
    {
        if (householdRoots.Count == 0 && addressIndex is null)
        {
            return null;
        }

        var since = now.AddDays(-options.Value.RepeatAlarmDays);
        var roots = householdRoots.ToList();
        var household = new[] { PartyRole.Victim, PartyRole.Respondent };
        return await db.Cases.VisibleTo(user)
            .Where(c => c.Status == CaseStatus.Open)
            .Where(c =>
                db.CaseParties.Any(p => p.CaseId == c.Id && household.Contains(p.Role) && db.Persons.Any(x => x.Id == p.PersonId && roots.Contains(x.RootId)))
                || (addressIndex != null && db.CaseIntakes.Any(i => i.CaseId == c.Id && i.AddressIndex == addressIndex)))
            .Where(c => db.CaseEvents.Any(e => e.CaseId == c.Id && (e.Kind == CaseEventKind.Opened || e.Kind == CaseEventKind.AlarmAttached) && e.At >= since))
            .OrderByDescending(c => c.CreatedAt)
            .FirstOrDefaultAsync(ct);
    }
}
