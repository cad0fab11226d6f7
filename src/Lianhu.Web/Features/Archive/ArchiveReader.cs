using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Intake;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Closure;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>Turns a household's cases into what the caller may see of its archive (scope first, then sections).</summary>
public sealed class ArchiveReader(LianhuDbContext db, CaseAccess access)
{
    public async Task<HouseholdDto> ReadAsync(CurrentUser user, IReadOnlyCollection<Guid> members, CancellationToken ct)
    {
        var ids = members.ToList();
        var closedIds = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CaseStatus.Closed).Select(c => c.Id).ToListAsync(ct);
        var visible = await db.Cases.AsNoTracking().VisibleTo(user).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var closed = visible.Where(c => c.Status == CaseStatus.Closed).OrderByDescending(c => c.ClosedAt).ToList();
        var closedVisibleIds = closed.Select(c => c.Id).ToList();

        var levels = (await db.Assessments.AsNoTracking().Where(a => closedVisibleIds.Contains(a.CaseId))
                .Select(a => new { a.CaseId, a.AssessmentDate, a.AssessedAt, a.CommonLevel }).ToListAsync(ct))
            .GroupBy(a => a.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessmentDate).ThenByDescending(a => a.AssessedAt).First().CommonLevel);
        var parties = (await (from party in db.CaseParties.AsNoTracking()
                              join person in db.Persons.AsNoTracking() on party.PersonId equals person.Id
                              where closedVisibleIds.Contains(party.CaseId) && party.Role != PartyRole.Reporter
                              orderby party.Position
                              select new { party.CaseId, party.Role, person.Name }).ToListAsync(ct))
            .ToLookup(p => p.CaseId);
        var names = await CaseNames.LoadAsync(db, closed, ct);

        var entries = closed.Select(c => new ArchiveEntry(
            c.Id,
            c.Number,
            StableName.Of(c.Channel),
            c.CreatedAt,
            c.ClosedAt,
            names.Agency(c.LeadAgencyId),
            access.CanRead(user, c, CaseSection.Risk) && levels.GetValueOrDefault(c.Id) is { } level ? StableName.Of(level) : null,
            c.ClosureOutcome is { } outcome ? StableName.Of(outcome) : null,
            access.CanRead(user, c, CaseSection.Incident) ? c.ClosureSummary : null,
            c.ReopenCount,
            access.CanRead(user, c, CaseSection.Identity) ? [.. parties[c.Id].Select(p => new ArchiveParty(StableName.Of(p.Role), p.Name))] : null,
            CaseClosure.MayReopen(user, c))).ToList();
        var id = closed.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstOrDefault();
        if (id == Guid.Empty)
        {
            id = visible.OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstOrDefault();
        }

        return new HouseholdDto(id, entries, closedIds.Count - closed.Count, visible.Count(c => c.Status != CaseStatus.Closed));
    }
}
