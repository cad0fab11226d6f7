using System.Collections.Concurrent;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

/// <summary>
/// Directory facts nearly every write needs, kept for a short while (singleton): whether a division
/// code exists, the names of divisions and agencies, a city's active agencies as routing sees them,
/// and which agencies take webhooks or duty e-mail. An intake used to spend four of its seven
/// database round trips on them (ADR 0022).
/// A change saved through this node (<see cref="DirectoryVersion"/>) drops them at once; a change
/// made on another node is seen when they expire, within <see cref="Lifetime"/>. Divisions are
/// reference data that imports add to and never remove.
/// </summary>
public sealed class DirectoryCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry<string>> divisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Entry<string>> agencies = new();
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<DirectoryAgency>>> cities = new(StringComparer.Ordinal);
    private Entry<IReadOnlySet<Guid>>? hooked;
    private Entry<IReadOnlySet<Guid>>? mailed;

    private sealed record Entry<T>(T Value, DateTimeOffset Until, long Version);

    public async ValueTask<bool> DivisionExistsAsync(LianhuDbContext db, string code, CancellationToken ct) =>
        await DivisionNameAsync(db, code, ct) is not null;

    public async ValueTask<string?> DivisionNameAsync(LianhuDbContext db, string code, CancellationToken ct)
    {
        if (Fresh(divisions.GetValueOrDefault(code)) is { } hit)
        {
            return hit;
        }

        var version = DirectoryVersion.Current;
        var name = await db.Divisions.AsNoTracking().Where(d => d.Code == code).Select(d => d.Name).FirstOrDefaultAsync(ct);
        if (name is not null)
        {
            divisions[code] = Keep(name, version);
        }

        return name;
    }

    public async ValueTask<string?> AgencyNameAsync(LianhuDbContext db, Guid id, CancellationToken ct)
    {
        if (Fresh(agencies.GetValueOrDefault(id)) is { } hit)
        {
            return hit;
        }

        var version = DirectoryVersion.Current;
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (name is not null)
        {
            agencies[id] = Keep(name, version);
        }

        return name;
    }

    /// <summary>The active agencies of a city (the first four digits of a division code), as routing sees them.</summary>
    public async ValueTask<IReadOnlyList<DirectoryAgency>> CityAsync(LianhuDbContext db, string cityPrefix, CancellationToken ct)
    {
        if (Fresh(cities.GetValueOrDefault(cityPrefix)) is { } hit)
        {
            return hit;
        }

        var version = DirectoryVersion.Current;
        var rows = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.DivisionCode.StartsWith(cityPrefix))
            .Select(a => new { a.Id, a.Type, a.DivisionCode }).ToListAsync(ct);
        IReadOnlyList<DirectoryAgency> city = [.. rows.Select(a => new DirectoryAgency(a.Id, a.Type, DivisionCode.Parse(a.DivisionCode)))];
        cities[cityPrefix] = Keep(city, version);
        return city;
    }

    /// <summary>
    /// The nearest active agency of one of <paramref name="types"/> for a place, by the one rule
    /// (<see cref="NearestAgency"/>: the nearest tier wins, then the earlier type, then the id),
    /// from the city's cached agencies.
    /// </summary>
    public async ValueTask<Guid?> NearestAsync(LianhuDbContext db, DivisionCode place, IReadOnlyList<AgencyType> types, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(types);
        var city = await CityAsync(db, place.Value[..4], ct);
        return NearestAgency.Find(city, place, [.. types])?.Id;
    }

    /// <summary>The agencies with an active webhook.</summary>
    public async ValueTask<IReadOnlySet<Guid>> HookedAgenciesAsync(LianhuDbContext db, CancellationToken ct)
    {
        if (Fresh(hooked) is { } hit)
        {
            return hit;
        }

        var version = DirectoryVersion.Current;
        var ids = (await db.AgencyWebhooks.AsNoTracking().Where(w => w.Active).Select(w => w.AgencyId).ToListAsync(ct)).ToHashSet();
        hooked = Keep<IReadOnlySet<Guid>>(ids, version);
        return ids;
    }

    /// <summary>The active agencies with a duty e-mail address.</summary>
    public async ValueTask<IReadOnlySet<Guid>> MailedAgenciesAsync(LianhuDbContext db, CancellationToken ct)
    {
        if (Fresh(mailed) is { } hit)
        {
            return hit;
        }

        var version = DirectoryVersion.Current;
        var ids = (await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.DutyEmail != null).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        mailed = Keep<IReadOnlySet<Guid>>(ids, version);
        return ids;
    }

    private T? Fresh<T>(Entry<T>? entry) where T : class =>
        entry is not null && entry.Version == DirectoryVersion.Current && entry.Until > time.GetUtcNow() ? entry.Value : null;

    // The version is read before the query: a change saved while it runs leaves the entry already stale.
    private Entry<T> Keep<T>(T value, long version) => new(value, time.GetUtcNow() + Lifetime, version);
}
