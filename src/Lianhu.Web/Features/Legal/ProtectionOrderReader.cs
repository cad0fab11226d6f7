using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>Loads protection orders with their parts, and shapes them for the API with names, clocks and follow-ups.</summary>
public sealed class ProtectionOrderReader(LianhuDbContext db, AgencyDirectory directory, ClockRuleCatalogue catalogue, TimeProvider time)
{
    public IQueryable<ProtectionOrder> WithParts() =>
        db.ProtectionOrders.Include(o => o.Measures).Include(o => o.Services).Include(o => o.Amendments).Include(o => o.Breaches).AsSplitQuery();

    public Task<ProtectionOrder?> FindAsync(Guid id, CancellationToken ct) => WithParts().SingleOrDefaultAsync(o => o.Id == id, ct);

    public async Task<List<ProtectionOrderDto>> ToDtosAsync(IReadOnlyList<ProtectionOrder> orders, IReadOnlyDictionary<Guid, Domain.Cases.Case> cases, CancellationToken ct)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var clocks = await db.Clocks.AsNoTracking().Where(c => c.SubjectType == ClockSubject.ProtectionOrderType && ids.Contains(c.SubjectId)).ToListAsync(ct);
        var followUps = await db.LegalFollowUps.AsNoTracking().Where(f => f.SubjectType == ClockSubject.ProtectionOrderType && ids.Contains(f.SubjectId)).ToListAsync(ct);
        var names = await directory.NamesAsync(
            orders.SelectMany(o => new[] { o.CourtAgencyId, o.FiledByAgencyId, o.PoliceAgencyId ?? Guid.Empty }).Concat(followUps.Select(f => f.AssigneeAgencyId)), ct);
        var now = time.GetUtcNow();
        return [.. orders.Select(o => o.ToDto(
            cases[o.CaseId],
            names,
            clocks.Where(c => c.SubjectId == o.Id).OrderBy(c => c.DueAt).Select(c => c.ToDto(catalogue, now)),
            followUps.Where(f => f.SubjectId == o.Id).OrderBy(f => f.CreatedAt).Select(f => f.ToDto(names)),
            now))];
    }

    public async Task<ProtectionOrderDto> ToDtoAsync(ProtectionOrder order, Domain.Cases.Case c, CancellationToken ct) =>
        (await ToDtosAsync([order], new Dictionary<Guid, Domain.Cases.Case> { [c.Id] = c }, ct))[0];
}
