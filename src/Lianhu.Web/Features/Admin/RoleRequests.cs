using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Admin;

/// <summary>
/// Four eyes on role grants (ADR 0024): <c>GET /users/requests</c> lists the grants waiting in the
/// agencies an administrator manages; <c>POST /users/requests/{id}/approve|reject</c> decides one —
/// never by the administrator who asked, never for one's own account (409), 404 outside one's division.
/// Approval adds the roles and renews the account's security stamp; every step is audited.
/// </summary>
public static class RoleRequests
{
    public sealed record RoleRequestDto(Guid Id, Guid UserId, string Username, string DisplayName, Guid AgencyId, string AgencyName, IReadOnlyList<string> Roles, bool NewAccount, Guid RequestedBy, string RequestedByName, DateTimeOffset RequestedAt, bool CanDecide);

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapGet("/users/requests", async Task<Ok<List<RoleRequestDto>>> (Handler h, CancellationToken ct) => TypedResults.Ok(await h.PendingAsync(ct)))
            .WithName("ListRoleRequests").WithTags("Admin").WithSummary("Role grants waiting for a second administrator (sysadmin)");
        admin.MapPost("/users/requests/{id:guid}/approve", async Task<Results<NoContent, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
                await h.DecideAsync(id, approve: true, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("ApproveRoleRequest").WithTags("Admin").WithSummary("Approve another administrator's role grant (sysadmin)");
        admin.MapPost("/users/requests/{id:guid}/reject", async Task<Results<NoContent, NotFound>> (Guid id, Handler h, CancellationToken ct) =>
                await h.DecideAsync(id, approve: false, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RejectRoleRequest").WithTags("Admin").WithSummary("Reject another administrator's role grant (sysadmin)");
    }

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit, SessionGuard sessions, TimeProvider time)
    {
        public async Task<List<RoleRequestDto>> PendingAsync(CancellationToken ct)
        {
            var admin = current.Required;
            var agencies = db.Agencies.AsNoTracking().ManagedBy(admin);
            var rows = await (from r in db.RoleRequests.AsNoTracking()
                              join u in db.Users.AsNoTracking() on r.UserId equals u.Id
                              join a in agencies on u.AgencyId equals a.Id
                              join asker in db.Users.AsNoTracking() on r.RequestedBy equals asker.Id
                              where r.Status == RoleRequestStatus.Pending
                              orderby r.RequestedAt
                              select new { Request = r, u.UserName, u.DisplayName, AgencyId = a.Id, AgencyName = a.Name, By = asker.UserName }).Take(500).ToListAsync(ct);
            return [.. rows.Select(x => new RoleRequestDto(
                x.Request.Id, x.Request.UserId, x.UserName!, x.DisplayName, x.AgencyId, x.AgencyName, [.. x.Request.RoleList.Select(StableName.Of)], x.Request.NewAccount,
                x.Request.RequestedBy, x.By!, x.Request.RequestedAt, x.Request.RequestedBy != admin.UserId && x.Request.UserId != admin.UserId))];
        }

        /// <summary>False when the request is not in the administrator's division; a refused decision throws (409).</summary>
        public async Task<bool> DecideAsync(Guid id, bool approve, CancellationToken ct)
        {
            var admin = current.Required;
            var managed = db.Agencies.ManagedBy(admin).Select(a => a.Id);
            var request = await db.RoleRequests.SingleOrDefaultAsync(r => r.Id == id && db.Users.Any(u => u.Id == r.UserId && managed.Contains(u.AgencyId)), ct);
            if (request is null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            var user = await db.Users.SingleAsync(u => u.Id == request.UserId, ct);
            if (!approve)
            {
                request.Reject(admin.UserId, now);
                audit.Record(admin.AsActor(), AuditAction.UserGrantReject, "user", user.Id.ToString());
                await db.SaveChangesAsync(ct);
                return true;
            }

            request.Approve(admin.UserId, now);
            var held = (await users.GetRolesAsync(user)).Select(StableName.Parse<Role>).ToList();
            var adding = request.RoleList.Except(held).ToList();
            RoleSeparation.Check(held.Concat(adding));
            audit.Record(admin.AsActor(), AuditAction.UserGrantApprove, "user", user.Id.ToString());
            if (adding.Count > 0)
            {
                await users.AddToRolesAsync(user, adding.Select(StableName.Of)); // saves the decision and its audit event with the roles
            }

            await users.UpdateSecurityStampAsync(user);
            sessions.Forget(user.Id);
            return true;
        }
    }
}
