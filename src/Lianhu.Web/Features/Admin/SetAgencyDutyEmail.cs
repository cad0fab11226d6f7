using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Admin;

/// <summary>Sets or clears (empty) an agency's duty e-mail, where notification mails go (administrators, within their division).</summary>
public static class SetAgencyDutyEmail
{
    public sealed record Request(string? DutyEmail);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPut("/agencies/{id:guid}/duty-email", async Task<Results<Ok<AgencyDto>, NotFound, ValidationProblem>> (Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (dto, errors) = await handler.HandleAsync(id, request, text, ct);
                return errors is not null ? errors.ToProblem() : dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
            })
            .WithName("SetAgencyDutyEmail")
            .WithTags("Admin")
            .WithSummary("Set or clear an agency's duty e-mail (sysadmin)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit)
    {
        public async Task<(AgencyDto? Agency, FieldErrors? Errors)> HandleAsync(Guid id, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var admin = current.Required;
            var agency = await db.Agencies.ManagedBy(admin).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (agency is null)
            {
                return (null, null);
            }

            if (!EmailAddress.TryNormalize(request.DutyEmail, out var address))
            {
                return (null, new FieldErrors(text).Add("dutyEmail", "email.invalid"));
            }

            agency.SetDutyEmail(address);
            audit.Record(admin.AsActor(), AuditAction.AgencyDutyEmail, "agency", id.ToString());
            await db.SaveChangesAsync(ct);
            return (AgencyDto.From(agency), null);
        }
    }
}
