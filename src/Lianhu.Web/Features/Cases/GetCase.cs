using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Cases;

/// <summary>Reads one case within the caller's scope; every read is audited.</summary>
public static class GetCase
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}", async Task<Results<Ok<CaseDto>, NotFound>> (Guid id, Handler handler, HttpContext http, CancellationToken ct) =>
            {
                if (await handler.HandleAsync(id, ct) is not { } dto)
                {
                    return TypedResults.NotFound();
                }

                http.Response.Headers.ETag = EditCase.ETag(dto.Version); // for If-Match on PATCH
                return TypedResults.Ok(dto);
            })
            .WithName("GetCase")
            .WithTags("Cases")
            .WithSummary("Read a case (404 when it does not exist or is outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, CaseAccess access)
    {
        public async Task<CaseDto?> HandleAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (found is null)
            {
                return null;
            }

            var names = await CaseNames.LoadAsync(db, [found], ct);
            var dto = names.ToDto(found, user, access);
            // Intake content (parties, address, what happened) is shown with the identity section.
            if (access.CanRead(user, found, CaseSection.Identity))
            {
                dto = dto with { Intake = await IntakeView.LoadAsync(db, found, user, access.CanRead(user, found, CaseSection.Health), ct) };
            }

            // The trace names the sections whose content was returned, so "who read the counselling notes" has an answer.
            audit.Record(user.AsActor(), "case.read", "case", id.ToString(), dto.Summary is null ? null : "incident");
            await db.SaveChangesAsync(ct);
            return dto;
        }
    }
}
