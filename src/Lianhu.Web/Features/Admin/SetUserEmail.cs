using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Admin;

/// <summary>Sets or clears (empty) a staff member's e-mail (administrators, for accounts of the agencies they manage).</summary>
public static class SetUserEmail
{
    public sealed record Request(string? Email);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPut("/users/{id:guid}/email", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (found, errors) = await handler.HandleAsync(id, request, text, ct);
                return errors is not null ? errors.ToProblem() : found ? TypedResults.NoContent() : TypedResults.NotFound();
            })
            .WithName("SetUserEmail")
            .WithTags("Admin")
            .WithSummary("Set or clear a staff member's e-mail (sysadmin)");

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit)
    {
        public async Task<(bool Found, FieldErrors? Errors)> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var managed = db.Agencies.ManagedBy(admin).Select(a => a.Id);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id && managed.Contains(u.AgencyId), ct);
            if (user is null)
            {
                return (false, null);
            }

            if (!EmailAddress.TryNormalize(request.Email, out var address))
            {
                return (true, new FieldErrors(text).Add("email", "email.invalid"));
            }

            var result = await users.SetEmailAsync(user, address);
            if (!result.Succeeded)
            {
                return (true, new FieldErrors(text).Add("email", "email.invalid"));
            }

            audit.Record(admin.AsActor(), AuditAction.UserEmail, "user", id.ToString());
            await db.SaveChangesAsync(ct);
            return (true, null);
        }
    }
}
