using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Admin;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Delivery status for administrators, for the agencies of their division and below
/// (<c>GET /admin/notifications?channel=&amp;status=</c>): webhook events and mails with status,
/// attempts, next attempt and last error; in-app notifications are the inbox tasks, "read" once the
/// agency has acted on the task (the inbox tracks no separate read mark). Ids only, no case content.
/// </summary>
public static class ListDeliveries
{
    public const int Limit = 200;

    public static readonly string[] Channels = ["webhook", "mail", "in-app"];

    /// <summary>The statuses per channel; <c>failed</c> means "failed, will retry".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Statuses = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["webhook"] = ["pending", "failed", "delivered"],
        ["mail"] = [.. StableName.All<MailStatus>()],
        ["in-app"] = ["unread", "read"],
    };

    public sealed record DeliveryDto(
        string Channel, Guid Id, Guid AgencyId, string AgencyName, string Kind, Guid? CaseId, string Status, int Attempts,
        DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DoneAt, string? LastError, bool Retryable);

    public static void Map(IEndpointRouteBuilder admin) =>
        admin.MapGet("/admin/notifications", async Task<Results<Ok<List<DeliveryDto>>, ValidationProblem>> (
                string? channel, string? status, Handler handler, IStringLocalizer<Handler> text, CancellationToken ct) =>
            {
                var (rows, errors) = await handler.HandleAsync(channel, status, text, ct);
                return errors is not null ? errors.ToProblem() : TypedResults.Ok(rows!);
            })
            .WithName("ListDeliveries").WithTags("Notifications").WithSummary("Delivery status of webhooks, mails and in-app notifications in the admin's division");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        public async Task<(List<DeliveryDto>? Rows, FieldErrors? Errors)> HandleAsync(string? channel, string? status, IStringLocalizer text, CancellationToken ct)
        {
            var errors = new FieldErrors(text);
            channel = string.IsNullOrWhiteSpace(channel) ? null : channel.Trim();
            status = string.IsNullOrWhiteSpace(status) ? null : status.Trim();
            if (channel is not null && !Channels.Contains(channel))
            {
                errors.Add("channel", "unknown-value", string.Join(", ", Channels));
            }

            var allowed = (channel is null ? Channels : [channel]).Where(Statuses.ContainsKey).SelectMany(c => Statuses[c]).Distinct().ToList();
            if (status is not null && !errors.Any && !allowed.Contains(status))
            {
                errors.Add("status", "unknown-value", string.Join(", ", allowed));
            }

            if (errors.Any)
            {
                return (null, errors);
            }

            var agencies = await db.Agencies.AsNoTracking().ManagedBy(current.Required).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            var managed = agencies.Keys.ToList();
            var rows = new List<DeliveryDto>();
            if (channel is null or "webhook" && (status is null || Statuses["webhook"].Contains(status)))
            {
                rows.AddRange(await WebhooksAsync(managed, status, agencies, ct));
            }

            if (channel is null or "mail" && (status is null || Statuses["mail"].Contains(status)))
            {
                rows.AddRange(await MailsAsync(managed, status, agencies, ct));
            }

            if (channel is null or "in-app" && (status is null || Statuses["in-app"].Contains(status)))
            {
                rows.AddRange(await InAppAsync(managed, status, agencies, ct));
            }

            return ([.. rows.OrderByDescending(r => r.CreatedAt).Take(Limit)], null);
        }

        private async Task<IEnumerable<DeliveryDto>> WebhooksAsync(List<Guid> managed, string? status, Dictionary<Guid, string> names, CancellationToken ct)
        {
            var query = db.Outbox.AsNoTracking().Where(e => managed.Contains(e.AgencyId));
            query = status switch
            {
                "pending" => query.Where(e => e.Status == OutboxStatus.Pending && e.LastError == null),
                "failed" => query.Where(e => e.Status == OutboxStatus.Pending && e.LastError != null),
                "delivered" => query.Where(e => e.Status == OutboxStatus.Delivered),
                _ => query,
            };
            var rows = await query.OrderByDescending(e => e.CreatedAt).Take(Limit).ToListAsync(ct);
            return rows.Select(e =>
            {
                var failed = e.Status == OutboxStatus.Pending && e.LastError is not null;
                var shown = failed ? "failed" : StableName.Of(e.Status);
                return new DeliveryDto("webhook", e.Id, e.AgencyId, names[e.AgencyId], e.Kind, null, shown, e.Attempts, e.CreatedAt,
                    e.Status == OutboxStatus.Pending ? e.NextAttemptAt : null, e.DeliveredAt, e.LastError, failed);
            });
        }

        private async Task<IEnumerable<DeliveryDto>> MailsAsync(List<Guid> managed, string? status, Dictionary<Guid, string> names, CancellationToken ct)
        {
            var query = db.OutboxMails.AsNoTracking().Where(m => managed.Contains(m.AgencyId));
            if (StableName.TryParse<MailStatus>(status, out var s))
            {
                query = query.Where(m => m.Status == s);
            }

            var rows = await query.OrderByDescending(m => m.CreatedAt).Take(Limit).ToListAsync(ct);
            return rows.Select(m => new DeliveryDto("mail", m.Id, m.AgencyId, names[m.AgencyId], m.Kind, m.CaseId, StableName.Of(m.Status), m.Attempts, m.CreatedAt,
                m.Status is MailStatus.Pending or MailStatus.Failed ? m.NextAttemptAt : null, m.SentAt, m.LastError, m.Status is MailStatus.Failed or MailStatus.Dead));
        }

        private async Task<IEnumerable<DeliveryDto>> InAppAsync(List<Guid> managed, string? status, Dictionary<Guid, string> names, CancellationToken ct)
        {
            var query = db.CaseTasks.AsNoTracking().Where(t => managed.Contains(t.AgencyId));
            query = status switch
            {
                "unread" => query.Where(t => t.Status == CaseTaskStatus.Created),
                "read" => query.Where(t => t.Status != CaseTaskStatus.Created),
                _ => query,
            };
            var rows = await query.OrderByDescending(t => t.CreatedAt).Take(Limit)
                .Select(t => new { t.Id, t.AgencyId, t.Kind, t.CaseId, t.Status, t.CreatedAt, t.AcceptedAt, t.ClosedAt })
                .ToListAsync(ct);
            return rows.Select(t => new DeliveryDto("in-app", t.Id, t.AgencyId, names[t.AgencyId], "task." + StableName.Of(t.Kind), t.CaseId,
                t.Status == CaseTaskStatus.Created ? "unread" : "read", 0, t.CreatedAt, null, t.AcceptedAt ?? t.ClosedAt, null, false));
        }
    }
}
