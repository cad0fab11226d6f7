using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Lianhu.Web.Features.Help;

/// <summary>
/// The places the report form offers — districts, their streets (towns) and communities — from the
/// division data, read once a minute (the public form must not cost a query per visit).
/// </summary>
public sealed class HelpPlaces(IServiceScopeFactory scopes, IMemoryCache cache)
{
    public sealed record Place(string Code, string Name, string? ParentCode);

    public sealed record Tree(IReadOnlyList<Place> Districts, IReadOnlyList<Place> Streets, IReadOnlyList<Place> Communities)
    {
        public bool IsCommunity(string code) => Communities.Any(c => c.Code == code);
    }

    public async Task<Tree> GetAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("help.places", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var rows = await db.Divisions.AsNoTracking()
                .Where(d => d.Tier == Tier.District || d.Tier == Tier.Town || d.Tier == Tier.Community)
                .OrderBy(d => d.Code)
                .Select(d => new { d.Code, d.Name, d.ParentCode, d.Tier })
                .ToListAsync(ct);
            List<Place> Of(Tier tier) => [.. rows.Where(r => r.Tier == tier).Select(r => new Place(r.Code, r.Name, r.ParentCode))];
            return new Tree(Of(Tier.District), Of(Tier.Town), Of(Tier.Community));
        }))!;
}
