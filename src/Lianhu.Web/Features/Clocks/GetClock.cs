using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Clocks;

/// <summary>Reads one clock whose case the caller can see; every read is audited.</summary>
public static class GetClock
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/clocks/{id:guid}", async Task<Results<Ok<ClockDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadClock)
            .WithName("GetClock")
            .WithTags("Clocks")
            .WithSummary("Read a clock (404 when its case is outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, ClockRuleCatalogue catalogue)
    {
        public async Task<ClockDto?> HandleAsync(Guid id, CancellationToken ct)
        {
            var user = current.Required;
            var clock = await db.Clocks.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == id, ct);
            if (clock is null)
            {
                return null;
            }

            audit.Record(user.AsActor(), AuditAction.ClockRead, "clock", id.ToString());
            await db.SaveChangesAsync(ct);
            return clock.ToDto(catalogue, time.GetUtcNow());
        }
    }
}
