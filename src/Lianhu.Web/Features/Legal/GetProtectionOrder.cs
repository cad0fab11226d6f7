using Lianhu.Domain.Access;
using Lianhu.Domain.Legal;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Legal;

/// <summary>Reads one protection order (404 outside the caller's standing); the court's and police's inbox lists theirs.</summary>
public static class GetProtectionOrder
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/protection-orders/{id:guid}", async Task<Results<Ok<ProtectionOrderDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadOrder)
            .WithName("GetProtectionOrder")
            .WithTags("Legal")
            .WithSummary("Read a protection order with its measures, services, clocks and follow-ups");
        api.MapGet("/protection-orders", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.InboxAsync(ct)))
            .WithName("ListProtectionOrders")
            .WithTags("Legal")
            .WithSummary("The orders filed with the caller's court or sent to the caller's police agency, newest first");
    }

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, LegalAccess access, ProtectionOrderReader reader)
    {
        public async Task<ProtectionOrderDto?> HandleAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            var order = await reader.WithParts().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
            if (order is null || await access.ForOrderAsync(user, order, ct) is not { } standing)
            {
                return null;
            }

            audit.Record(user.AsActor(), AuditAction.ProtectionOrderRead, "protection-order", id.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return await reader.ToDtoAsync(order, standing.Case, ct);
        }

        public async Task<IReadOnlyList<ProtectionOrderDto>> InboxAsync(CancellationToken ct)
        {
            var user = current.Required;
            var agency = user.AgencyId;
            var orders = await reader.WithParts().AsNoTracking()
                .Where(o => o.CourtAgencyId == agency || o.PoliceAgencyId == agency)
                .OrderByDescending(o => o.CreatedAt)
                .Take(200)
                .ToListAsync(ct);
            var visible = new List<(ProtectionOrder Order, LegalStanding Standing)>();
            foreach (var order in orders)
            {
                if (await access.ForOrderAsync(user, order, ct) is { } standing)
                {
                    visible.Add((order, standing));
                }
            }

            audit.Record(user.AsActor(), AuditAction.ProtectionOrderList, "agency", agency.ToString(), "legal");
            await db.SaveChangesAsync(ct);
            return await reader.ToDtosAsync([.. visible.Select(v => v.Order)], visible.DistinctBy(v => v.Order.CaseId).ToDictionary(v => v.Order.CaseId, v => v.Standing.Case), ct);
        }
    }
}
