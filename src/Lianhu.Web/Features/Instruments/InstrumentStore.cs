using Lianhu.Domain.Instruments;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// Reads instrument versions from the database, the source of truth at run time (the bundled
/// files are only copied in on start). New assessments use the latest version; an existing one
/// is always re-read with the version it names.
/// </summary>
public sealed class InstrumentStore(LianhuDbContext db)
{
    public Task<List<InstrumentVersion>> AllAsync(CancellationToken ct) =>
        db.InstrumentVersions.AsNoTracking().OrderBy(v => v.InstrumentId).ThenBy(v => v.Version).ToListAsync(ct);

    public Task<bool> ExistsAsync(string id, CancellationToken ct) =>
        db.InstrumentVersions.AnyAsync(v => v.InstrumentId == id, ct);

    /// <summary>The given version, or the latest when <paramref name="version"/> is null.</summary>
    public Task<InstrumentVersion?> FindRowAsync(string id, int? version, CancellationToken ct)
    {
        var rows = db.InstrumentVersions.AsNoTracking().Where(v => v.InstrumentId == id);
        return version is { } v
            ? rows.SingleOrDefaultAsync(r => r.Version == v, ct)
            : rows.OrderByDescending(r => r.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<InstrumentDefinition?> FindAsync(string id, int? version, CancellationToken ct) =>
        (await FindRowAsync(id, version, ct))?.Definition();

    /// <summary>The latest definition of every instrument, ordered by id.</summary>
    public async Task<List<InstrumentDefinition>> LatestAsync(CancellationToken ct) =>
        [.. (await AllAsync(ct)).GroupBy(v => v.InstrumentId).Select(g => g.MaxBy(v => v.Version)!.Definition())];

    /// <summary>The number the next published version of <paramref name="id"/> gets (1 for a new instrument).</summary>
    public async Task<int> NextVersionAsync(string id, CancellationToken ct) =>
        (await db.InstrumentVersions.Where(v => v.InstrumentId == id).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
}
