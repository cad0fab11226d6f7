using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Admin;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Administrators set the webhook of an agency of their division (<c>PUT /agencies/{id}/webhook</c>;
/// https to a public address or a host the city allows, <see cref="WebhookTargets"/>) and see the
/// delivery status of their division (<c>GET /notifications</c>: event id, agency, kind, status,
/// attempts, last error — ids only).
/// </summary>
public static class WebhookAdmin
{
    public sealed record SetRequest(string? Url, string? Secret);

    public sealed record DeliveryDto(Guid EventId, Guid AgencyId, string Kind, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt, string? LastError);

    public static void Map(IEndpointRouteBuilder admin)
    {
        admin.MapPut("/agencies/{id:guid}/webhook", async Task<Results<NoContent, NotFound, ValidationProblem>> (
                Guid id, SetRequest request, LianhuDbContext db, CurrentUserAccessor current, WebhookTargets targets, AuditTrail audit, TimeProvider time, IStringLocalizer<SetRequest> text, CancellationToken ct) =>
            {
                var admin = current.Required;
                if (!await db.Agencies.ManagedBy(admin).AnyAsync(a => a.Id == id, ct))
                {
                    return TypedResults.NotFound(); // as for the duty e-mail: another division's agency does not exist for this administrator
                }

                if (await targets.CheckAsync(request.Url, ct) is { } refused)
                {
                    return new FieldErrors(text).Add("url", refused).ToProblem();
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

                audit.Record(admin.AsActor(), AuditAction.AgencyWebhook, "agency", id.ToString());
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .WithName("SetAgencyWebhook").WithTags("Notifications").WithSummary("Set the signed outbound webhook of an agency you manage (administrators)");

        admin.MapGet("/notifications", async (string? status, LianhuDbContext db, CurrentUserAccessor current, CancellationToken ct) =>
            {
                var managed = db.Agencies.ManagedBy(current.Required).Select(a => a.Id);
                var query = db.Outbox.AsNoTracking().Where(e => managed.Contains(e.AgencyId));
                if (StableName.TryParse<OutboxStatus>(status, out var s))
                {
                    query = query.Where(e => e.Status == s);
                }

                var rows = await query.OrderByDescending(e => e.CreatedAt).Take(200).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(e => new DeliveryDto(e.Id, e.AgencyId, e.Kind, StableName.Of(e.Status), e.Attempts, e.CreatedAt, e.NextAttemptAt, e.DeliveredAt, e.LastError)).ToList());
            })
            .WithName("ListNotifications").WithTags("Notifications").WithSummary("Webhook delivery status for the agencies of your division (administrators)");
    }
}
