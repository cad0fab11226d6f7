using System.Collections.Concurrent;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Remembers which division codes exist (singleton). Divisions are reference data that an import
/// adds to and never removes, so a code once found stays valid; unknown codes are asked again.
/// Saves a query on every intake.
/// </summary>
public sealed class KnownDivisions
{
    private readonly ConcurrentDictionary<string, bool> known = new(StringComparer.Ordinal);

    public async ValueTask<bool> ExistsAsync(LianhuDbContext db, string code, CancellationToken ct)
    {
        if (known.ContainsKey(code))
        {
            return true;
        }

        if (!await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            return false;
        }

        known.TryAdd(code, true);
        return true;
    }
}
