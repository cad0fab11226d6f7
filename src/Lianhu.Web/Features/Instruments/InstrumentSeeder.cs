using Lianhu.Domain.Instruments;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Instruments;

/// <summary>
/// On start, records every bundled instrument version the database does not have yet. An
/// existing row is never touched, even when the bundled file now differs or the number was
/// taken by a local version: an assessment may already point at it (ADR 0008).
/// </summary>
public sealed class InstrumentSeeder(LianhuDbContext db, TimeProvider time, ILogger<InstrumentSeeder> logger)
{
    public async Task<int> EnsureAsync(CancellationToken ct = default)
    {
        var bundled = BundledInstruments.Load();
        var existing = await db.InstrumentVersions.AsNoTracking()
            .Select(v => new { v.InstrumentId, v.Version, v.Source, v.DefinitionJson })
            .ToListAsync(ct);
        var byKey = existing.ToDictionary(v => (v.InstrumentId, v.Version));
        var added = 0;
        foreach (var definition in bundled.All)
        {
            if (!byKey.TryGetValue((definition.Id, definition.Version), out var row))
            {
                db.InstrumentVersions.Add(InstrumentVersion.Bundled(definition, time.GetUtcNow()));
                added++;
            }
            else if (row.Source != InstrumentSource.Bundled || row.DefinitionJson != InstrumentDefinitionJson.Serialize(definition))
            {
                logger.LogWarning(
                    "Bundled instrument {InstrumentId} v{Version} differs from the stored version ({Source}); the stored version is kept and the bundled one is not loaded",
                    definition.Id, definition.Version, row.Source);
            }
        }

        if (added > 0)
        {
            await SaveAsync(bundled, ct);
            logger.LogInformation("Recorded {Count} bundled instrument versions", added);
        }

        return added;
    }

    /// <summary>Two nodes starting together may both insert; the loser only needs the rows to be there.</summary>
    private async Task SaveAsync(InstrumentCatalogue bundled, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.InstrumentVersions.AsNoTracking().Select(v => new { v.InstrumentId, v.Version }).ToListAsync(ct);
            if (bundled.All.Any(d => !stored.Contains(new { InstrumentId = d.Id, d.Version })))
            {
                throw;
            }
        }
    }
}
