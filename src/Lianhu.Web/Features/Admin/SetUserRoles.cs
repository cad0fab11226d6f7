using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Admin;

/// <summary>
/// <c>PUT /users/{id}/roles</c>: sets an account's roles. Roles taken away go at once (and end the
/// account's sessions); roles added wait for a second administrator (202, <see cref="RoleRequests"/>).
/// Nobody sets their own roles (403); the result must keep administration apart from case content (400).
/// </summary>
public static class SetUserRoles
{
    public sealed record Request(IReadOnlyList<string>? Roles);

    public enum Outcome
    {
        NotFound,
        Own,
        Invalid,
        Done,
        Pending,
    }

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPut("/users/{id:guid}/roles", async Task<Results<NoContent, Accepted, NotFound, ForbidHttpResult, ValidationProblem>> (Guid id, Request request, Handler h, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (outcome, errors) = await h.HandleAsync(id, request, text, ct);
                return outcome switch
                {
                    Outcome.NotFound => TypedResults.NotFound(),
                    Outcome.Own => TypedResults.Forbid(),
                    Outcome.Invalid => errors!.ToProblem(),
                    Outcome.Pending => TypedResults.Accepted("/api/v1/users/requests"),
                    _ => TypedResults.NoContent(),
                };
            })
            .WithName("SetUserRoles").WithTags("Admin").WithSummary("Set a staff member's roles; added roles wait for a second administrator (sysadmin)");

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit, SessionGuard sessions, TimeProvider time)
    {
        public async Task<(Outcome Outcome, FieldErrors? Errors)> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var managed = db.Agencies.ManagedBy(admin).Select(a => a.Id);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && managed.Contains(u.AgencyId), ct);
            if (user is null)
            {
                return (Outcome.NotFound, null);
            }

            if (user.Id == admin.UserId)
            {
                return (Outcome.Own, null);
            }

            var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == user.AgencyId, ct);
            var errors = new FieldErrors(text);
            var wanted = UserRoles.Parse(request.Roles, agency.Type, errors);
            if (errors.Any)
            {
                return (Outcome.Invalid, errors);
            }

            var held = (await users.GetRolesAsync(user)).Select(StableName.Parse<Role>).ToHashSet();
            var removing = held.Except(wanted).ToList();
            var adding = wanted.Except(held).ToList();
            if (removing.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, removing.Select(StableName.Of));
                await users.UpdateSecurityStampAsync(user);
                sessions.Forget(user.Id);
                audit.Record(admin.AsActor(), AuditAction.UserRolesRemove, "user", id.ToString());
            }

            if (adding.Count > 0)
            {
                db.RoleRequests.Add(RoleRequest.Open(Guid.CreateVersion7(time.GetUtcNow()), user.Id, newAccount: false, [.. held.Except(removing).Concat(adding)], admin.UserId, time.GetUtcNow()));
                audit.Record(admin.AsActor(), AuditAction.UserGrantRequest, "user", id.ToString());
            }

            await db.SaveChangesAsync(ct);
            return (adding.Count > 0 ? Outcome.Pending : Outcome.Done, null);
        }
    }
}

/// <summary>Reads a list of role names for an agency: known, allowed for its type, at least one, administration kept apart from case content.</summary>
public static class UserRoles
{
    public static HashSet<Role> Parse(IReadOnlyList<string>? names, AgencyType? agencyType, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var roles = new HashSet<Role>();
        foreach (var name in names ?? [])
        {
            if (!StableName.TryParse<Role>(name, out var role))
            {
                errors.Add("roles", "unknown-value", string.Join(", ", StableName.All<Role>()));
            }
            else if (agencyType is { } type && !AgencyTypeCatalogue.AllowsRole(type, role))
            {
                errors.Add("roles", "role.not-for-agency", name, StableName.Of(type));
            }
            else
            {
                roles.Add(role);
            }
        }

        if (roles.Count == 0 && !errors.Has("roles"))
        {
            errors.Add("roles", "required");
        }
        else if (RoleSeparation.Conflicts(roles))
        {
            errors.Add("roles", "role.separation-of-duties");
        }

        return roles;
    }
}
