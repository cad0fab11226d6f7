using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Admin;

/// <summary>Locks a staff account (e.g. someone left) or lifts a lockout.</summary>
public static class SetUserLock
{
    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapPost("/users/{id:guid}/lock", async Task<Results<NoContent, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
            await h.HandleAsync(id, true, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithTags("Admin").WithName("LockUser");
        admin.MapPost("/users/{id:guid}/unlock", async Task<Results<NoContent, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
            await h.HandleAsync(id, false, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithTags("Admin").WithName("UnlockUser");
    }

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit, SessionGuard sessions)
    {
        public async Task<bool> HandleAsync(Guid id, bool locked, CancellationToken ct)
        {
            var admin = current.Required;
            var managed = db.Agencies.ManagedBy(admin).Select(a => a.Id);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && managed.Contains(u.AgencyId), ct);
            if (user is null || user.Id == admin.UserId)
            {
                return false;
            }

            await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (!locked)
            {
                await users.ResetAccessFailedCountAsync(user);
            }

            await users.UpdateSecurityStampAsync(user);
            audit.Record(admin.AsActor(), locked ? AuditAction.UserLock : AuditAction.UserUnlock, "user", id.ToString());
            await db.SaveChangesAsync(ct);
            sessions.Forget(id);
            return true;
        }
    }
}
