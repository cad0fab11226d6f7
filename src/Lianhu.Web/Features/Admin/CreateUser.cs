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

/// <summary>Creates a staff account in an agency the administrator manages, with roles the agency type allows.</summary>
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
            .WithSummary("Create a staff account (sysadmin)");

    public sealed class Handler(LianhuDbContext db, UserManager<StaffUser> users, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        public async Task<(UserDto? User, FieldErrors? Errors)> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var errors = new FieldErrors(text).Required("username", request.Username).Required("displayName", request.DisplayName)
                .Required("password", request.Password).MaxLength("displayName", request.DisplayName, 100);
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

            var roles = new List<Role>();
            foreach (var name in request.Roles ?? [])
            {
                if (!StableName.TryParse<Role>(name, out var role))
                {
                    errors.Add("roles", "unknown-value", string.Join(", ", StableName.All<Role>()));
                }
                else if (agency is not null && !AgencyTypeCatalogue.AllowsRole(agency.Type, role))
                {
                    errors.Add("roles", "role.not-for-agency", name, StableName.Of(agency.Type));
                }
                else
                {
                    roles.Add(role);
                }
            }

            if (roles.Count == 0 && !errors.ToDictionary().ContainsKey("roles"))
            {
                errors.Add("roles", "required");
            }

            if (!string.IsNullOrWhiteSpace(request.Username) && await users.FindByNameAsync(request.Username.Trim()) is not null)
            {
                errors.Add("username", "username.taken");
            }

            if (errors.Any)
            {
                return (null, errors);
            }

            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                UserName = request.Username!.Trim(),
                DisplayName = request.DisplayName!.Trim(),
                Email = email,
                AgencyId = agency!.Id,
                LockoutEnabled = true,
                CreatedAt = time.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username", $"identity.{error.Code}");
                }

                return (null, errors);
            }

            await users.AddToRolesAsync(user, roles.Select(StableName.Of));
            audit.Record(admin.AsActor(), "user.create", "user", user.Id.ToString());
            await db.SaveChangesAsync(ct);
            return (new UserDto(user.Id, user.UserName, user.DisplayName, agency.Id, agency.Name, [.. roles.Select(StableName.Of)], false, email), null);
        }
    }
}
