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
/// Creates a staff account in an agency the administrator manages, with roles the agency type allows.
/// The account cannot sign in and holds no role until a second administrator approves the request
/// (<see cref="RoleRequests"/>, ADR 0024).
/// </summary>
public static class CreateUser
{
    public sealed record Request(string? Username, string? DisplayName, Guid? AgencyId, IReadOnlyList<string>? Roles, string? Password, string? Email = null);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/users", async Task<Results<Created<UserDto>, ValidationProblem>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (dto, errors) = await handler.HandleAsync(request, text, ct);
                return errors is not null ? errors.ToProblem() : TypedResults.Created($"/api/v1/users/{dto!.Id}", dto);
            })
            .WithName("CreateUser")
            .WithTags("Admin")
            .WithSummary("Create a staff account, pending a second administrator's approval (sysadmin)");

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        public async Task<(UserDto? User, FieldErrors? Errors)> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var errors = new FieldErrors(text).Required("username", request.Username).Required("displayName", request.DisplayName)
                .Required("password", request.Password).MaxLength("displayName", request.DisplayName, 100).PlainName("displayName", request.DisplayName);
            if (!EmailAddress.TryNormalize(request.Email, out var email))
            {
                errors.Add("email", "email.invalid");
            }

            Agency? agency = null;
            if (request.AgencyId is not { } agencyId)
            {
                errors.Add("agencyId", "required");
            }
            else if ((agency = await db.Agencies.ManagedBy(admin).SingleOrDefaultAsync(a => a.Id == agencyId, ct)) is null)
            {
                errors.Add("agencyId", "agency.unknown");
            }

            var roles = UserRoles.Parse(request.Roles, agency?.Type, errors);
            if (!string.IsNullOrWhiteSpace(request.Username) && await users.FindByNameAsync(request.Username.Trim()) is not null)
            {
                errors.Add("username", "username.taken");
            }

            if (errors.Any)
            {
                return (null, errors);
            }

            var now = time.GetUtcNow();
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = request.Username!.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                Email = email,
                AgencyId = agency!.Id,
                LockoutEnabled = true,
                CreatedAt = now,
            };
            // Staged before the account is saved, so the account and its pending request are written
            // by the same SaveChanges: there is never an account that could sign in without approval.
            db.RoleRequests.Add(RoleRequest.Open(Guid.CreateVersion7(now), user.Id, newAccount: true, roles, admin.UserId, now));
            audit.Record(admin.AsActor(), AuditAction.UserCreate, "user", user.Id.ToString());
            audit.Record(admin.AsActor(), AuditAction.UserGrantRequest, "user", user.Id.ToString());
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                foreach (var error in created.Errors)
                {
                    errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username", $"identity.{error.Code}");
                }

                return (null, errors);
            }

            return (new UserDto(user.Id, user.UserName, user.DisplayName, agency.Id, agency.Name, [], false, email, [.. roles.Order().Select(StableName.Of)]), null);
        }
    }
}
