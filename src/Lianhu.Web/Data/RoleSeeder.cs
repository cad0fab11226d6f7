using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Data;

/// <summary>Makes sure every role of <see cref="Role"/> exists as an Identity role (run after migrating).</summary>
public sealed class RoleSeeder(LianhuDbContext db, ILookupNormalizer normalizer)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var name in StableName.All<Role>().Except(existing.OfType<string>()))
        {
            db.Roles.Add(new StaffRole
            {
                Id = StableIds.For("role:" + name),
                Name = name,
                NormalizedName = normalizer.NormalizeName(name),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
