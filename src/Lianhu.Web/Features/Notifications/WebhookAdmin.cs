using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Administrators set an agency's webhook (<c>PUT /agencies/{id}/webhook</c>) and see delivery
/// status (<c>GET /notifications</c>: event id, agency, kind, status, attempts, last error — ids only).
/// </summary>
public static class WebhookAdmin
{
    public sealed record SetRequest(string? Url, string? Secret);

    public sealed record DeliveryDto(Guid EventId, Guid AgencyId, string Kind, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapPut("/agencies/{id:guid}/webhook", async Task<Results<NoContent, NotFound>> (Guid id, SetRequest request, LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, CancellationToken ct) =>
            {
                if (!await db.Agencies.AnyAsync(a => a.Id == id, ct))
                {
                    return TypedResults.NotFound();
                }

                var now = time.GetUtcNow();
                var hook = await db.AgencyWebhooks.SingleOrDefaultAsync(w => w.AgencyId == id, ct);
                if (hook is null)
                {
                    db.AgencyWebhooks.Add(AgencyWebhook.Create(Guid.CreateVersion7(now), id, request.Url ?? string.Empty, request.Secret ?? string.Empty, now));
                }
                else
                {
                    hook.Set(request.Url ?? string.Empty, request.Secret ?? string.Empty, now);
                }

                audit.Record(current.Required.AsActor(), "agency.webhook", "agency", id.ToString());
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .WithName("SetAgencyWebhook").WithTags("Notifications").WithSummary("Set an agency's signed outbound webhook (administrators)");

        admin.MapGet("/notifications", async (string? status, LianhuDbContext db, CancellationToken ct) =>
            {
                var query = db.Outbox.AsNoTracking();
                if (StableName.TryParse<OutboxStatus>(status, out var s))
                {
                    query = query.Where(e => e.Status == s);
                }

                var rows = await query.OrderByDescending(e => e.CreatedAt).Take(200).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(e => new DeliveryDto(e.Id, e.AgencyId, e.Kind, StableName.Of(e.Status), e.Attempts, e.CreatedAt, e.NextAttemptAt, e.DeliveredAt, e.LastError)).ToList());
            })
            .WithName("ListNotifications").WithTags("Notifications").WithSummary("Webhook delivery status (administrators)");
    }
}
