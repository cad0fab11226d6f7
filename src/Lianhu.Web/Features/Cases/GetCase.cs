using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Persons;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
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

                http.Response.Headers.ETag = CaseView.ETag(dto.Version); // for If-Match on PATCH
                return TypedResults.Ok(dto);
            }).OnCase(CaseSteps.ReadCase)
            .WithName("GetCase")
            .WithTags("Cases")
            .WithSummary("Read a case (404 when it does not exist or is outside your scope)");

    public sealed class Handler(LianhuDbContext db, CaseGate gate, AuditTrail audit)
    {
        public async Task<CaseDto?> HandleAsync(Guid id, CancellationToken ct)
        {
            var entered = await gate.EnterAsync(id, CaseSteps.ReadCase, ct);
            if (entered.Value is not { } inside)
            {
                return null;
            }

            var (dto, shown) = await CaseView.LoadAsync(db, inside, ct);
            // The trace names the sections whose content was returned, so "who read the victim's address" has an answer.
            audit.Record(inside.User.AsActor(), AuditAction.CaseRead, "case", id.ToString(), CaseView.SectionList(shown));
            await db.SaveChangesAsync(ct);
            return dto;
        }
    }
}
