using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>Loads warning letters with their deliveries and shapes them with names and clocks.</summary>
public sealed class WarningLetterReader(LianhuDbContext db, AgencyDirectory directory, ClockRuleCatalogue catalogue, TimeProvider time)
{
    public IQueryable<WarningLetter> WithParts() => db.WarningLetters.Include(l => l.Deliveries);

    public async Task<List<WarningLetterDto>> ToDtosAsync(IReadOnlyList<WarningLetter> letters, Case c, CancellationToken ct)
    {
        var ids = letters.Select(l => l.Id).ToList();
        var clocks = await db.Clocks.AsNoTracking().Where(k => k.SubjectType == ClockSubject.WarningLetterType && ids.Contains(k.SubjectId)).ToListAsync(ct);
        var names = await directory.NamesAsync(letters.Select(l => l.IssuedByAgencyId), ct);
        var now = time.GetUtcNow();
        return [.. letters.Select(l => l.ToDto(c, names, clocks.Where(k => k.SubjectId == l.Id).OrderBy(k => k.DueAt).Select(k => k.ToDto(catalogue, now))))];
    }
}
