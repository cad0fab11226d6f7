using System.Collections.Concurrent;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Intake;

/// <summary>
/// Directory facts every intake needs, kept for a minute (singleton): whether a division code
/// exists and the names of divisions and agencies. Divisions are reference data that imports add
/// to and never remove; a renamed agency or division shows its new name within a minute. Saves two
/// queries per intake.
/// </summary>
public sealed class DirectoryCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Name, DateTimeOffset Until)> divisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, (string Name, DateTimeOffset Until)> agencies = new();

    public async ValueTask<bool> DivisionExistsAsync(LianhuDbContext db, string code, CancellationToken ct) =>
        await DivisionNameAsync(db, code, ct) is not null;

    public async ValueTask<string?> DivisionNameAsync(LianhuDbContext db, string code, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (divisions.TryGetValue(code, out var hit) && hit.Until > now)
        {
            return hit.Name;
        }

        var name = await db.Divisions.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
        if (name is not null)
        {
            divisions[code] = (name, now + Lifetime);
        }

        return name;
    }

    public async ValueTask<string?> AgencyNameAsync(LianhuDbContext db, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (agencies.TryGetValue(id, out var hit) && hit.Until > now)
        {
            return hit.Name;
        }

        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (name is not null)
        {
            agencies[id] = (name, now + Lifetime);
        }

        return name;
    }
}
