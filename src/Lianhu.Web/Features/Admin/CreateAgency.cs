using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Admin;

/// <summary>Adds a member unit to the directory (system administrators, within their division).</summary>
public static class CreateAgency
{
    public sealed record Request(string? Name, string? Type, string? DivisionCode, string? DutyEmail = null);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/agencies", async Task<Results<Created<AgencyDto>, ValidationProblem>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (dto, errors) = await handler.HandleAsync(request, text, ct);
                return errors is not null ? errors.ToProblem() : TypedResults.Created($"/api/v1/agencies/{dto!.Id}", dto);
            })
            .WithName("CreateAgency")
            .WithTags("Admin")
            .WithSummary("Create an agency (sysadmin)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        public async Task<(AgencyDto? Agency, FieldErrors? Errors)> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var errors = new FieldErrors(text).Required("name", request.Name).Required("type", request.Type).Required("divisionCode", request.DivisionCode)
                .MaxLength("name", request.Name?.Trim(), 200).PlainName("name", request.Name);
            if (!EmailAddress.TryNormalize(request.DutyEmail, out var dutyEmail))
            {
                errors.Add("dutyEmail", "email.invalid");
            }

            var type = default(AgencyType);
            if (!string.IsNullOrWhiteSpace(request.Type) && !StableName.TryParse(request.Type, out type))
            {
                errors.Add("type", "unknown-value", string.Join(", ", StableName.All<AgencyType>()));
            }

            var division = default(DivisionCode);
            if (!string.IsNullOrWhiteSpace(request.DivisionCode))
            {
                if (!DivisionCode.TryParse(request.DivisionCode, out division, out var code))
                {
                    errors.Add("divisionCode", code);
                }
                else if (!await db.Divisions.AnyAsync(d => d.Code == division.Value, ct))
                {
                    errors.Add("divisionCode", "division.unknown");
                }
                else if (!admin.Division.Contains(division))
                {
                    errors.Add("divisionCode", "division.outside-admin-scope");
                }
                else if (!errors.ToDictionary().ContainsKey("type") && !AgencyTypeCatalogue.AllowsTier(type, division.Tier))
                {
                    errors.Add("divisionCode", "agency.tier", StableName.Of(type), StableName.Of(division.Tier));
                }
            }

            if (errors.Any)
            {
                return (null, errors);
            }

            var agency = Agency.Create(Guid.CreateVersion7(time.GetUtcNow()), request.Name!, type, division);
            agency.SetDutyEmail(dutyEmail);
            db.Agencies.Add(agency);
            audit.Record(admin.AsActor(), AuditAction.AgencyCreate, "agency", agency.Id.ToString());
            await db.SaveChangesAsync(ct);
            return (AgencyDto.From(agency), null);
        }
    }
}
