using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Admin;

/// <summary>Staff accounts of the agencies an administrator manages.</summary>
public static class ListUsers
{
    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/users", async Task<Ok<List<UserDto>>> (Guid? agencyId, Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(agencyId, ct)))
            .WithName("ListUsers")
            .WithTags("Admin")
            .WithSummary("Staff accounts in your division (sysadmin)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, TimeProvider time)
    {
        public async Task<List<UserDto>> HandleAsync(Guid? agencyId, CancellationToken ct)
        {
            var agencies = db.Agencies.AsNoTracking().ManagedBy(current.Required);
            if (agencyId is { } id)
            {
                agencies = agencies.Where(a => a.Id == id);
            }

            var rows = await (from u in db.Users.AsNoTracking()
                              join a in agencies on u.AgencyId equals a.Id
                              orderby a.DivisionCode, a.Name, u.UserName
                              select new { u.Id, u.UserName, u.DisplayName, u.AgencyId, AgencyName = a.Name, u.LockoutEnd, u.Email })
                .Take(2000).ToListAsync(ct);
            var ids = rows.Select(r => r.Id).ToList();
            var roles = await (from ur in db.UserRoles.AsNoTracking()
                               join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                               where ids.Contains(ur.UserId)
                               select new { ur.UserId, r.Name }).ToListAsync(ct);
            var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
            var pending = (await db.RoleRequests.AsNoTracking().Where(r => r.Status == RoleRequestStatus.Pending && ids.Contains(r.UserId)).ToListAsync(ct))
                .ToLookup(r => r.UserId, r => r.RoleList.Select(StableName.Of));
            var now = time.GetUtcNow();
            return [.. rows.Select(r => new UserDto(r.Id, r.UserName!, r.DisplayName, r.AgencyId, r.AgencyName, [.. rolesByUser[r.Id].Order(StringComparer.Ordinal)], r.LockoutEnd > now, r.Email,
                pending.Contains(r.Id) ? [.. pending[r.Id].SelectMany(x => x).Distinct().Order(StringComparer.Ordinal)] : null))];
        }
    }
}
