using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Admin;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// "Retry now" for a failed webhook event or a failed or dead mail of an agency the administrator
/// manages: due again at once, picked up by the next sweep of any node. 404 outside the admin's
/// division; 409 (<c>notification.not-retryable</c>) for one that is pending, delivered or sent.
/// </summary>
public static class RetryDelivery
{
    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapPost("/admin/notifications/{channel}/{id:guid}/retry", async Task<Results<NoContent, NotFound>> (string channel, Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(channel, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("RetryDelivery").WithTags("Notifications").WithSummary("Retry a failed webhook event or a failed/dead mail now");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        /// <returns>False when there is no such notification in the administrator's division.</returns>
        public async Task<bool> HandleAsync(string channel, Guid id, CancellationToken ct)
        {
            var admin = current.Required;
            var managed = db.Agencies.ManagedBy(admin).Select(a => a.Id);
            var now = time.GetUtcNow();
            switch (channel)
            {
                case "webhook":
                    var e = await db.Outbox.SingleOrDefaultAsync(x => x.Id == id && managed.Contains(x.AgencyId), ct);
                    if (e is null)
                    {
                        return false;
                    }

                    e.RetryNow(now);
                    break;
                case "mail":
                    var m = await db.OutboxMails.SingleOrDefaultAsync(x => x.Id == id && managed.Contains(x.AgencyId), ct);
                    if (m is null)
                    {
                        return false;
                    }

                    m.RetryNow(now);
                    break;
                default:
                    return false;
            }

            audit.Record(admin.AsActor(), AuditAction.NotificationRetry, "notification", id.ToString(), reason: channel);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
