using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Audit;

/// <summary>
/// The audit viewer for auditors: events by staff of agencies within the auditor's division,
/// filtered by entity, user, agency, action and time, newest first, a page at a time.
/// </summary>
public static class ListAuditEvents
{
    public sealed record Filter(string? EntityId, Guid? UserId, Guid? AgencyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = 50);

    /// <summary>An event as auditors see it. <see cref="Reason"/> is null where the reason is free text a
    /// member of staff typed about the case (<see cref="HasReason"/> still says one was given).</summary>
    public sealed record EventDto(Guid Id, DateTimeOffset At, Guid? UserId, string? Username, Guid? AgencyId, string? AgencyName, string? Role, string Action, string EntityType, string? EntityId, string? Section, string? Reason, string? ClientAddress, long? ChainIndex, Guid? CaseId, bool HasReason);

    /// <summary>
    /// Actions whose reason is what staff wrote about the case (why a closure was rejected, why a
    /// case was reopened): case content the auditor does not need, read on the case by those who
    /// may. Break-glass reasons and the system's codes stay visible.
    /// </summary>
    private static readonly HashSet<string> FreeTextReasons = new(StringComparer.Ordinal) { StableName.Of(AuditAction.CaseClosureReject), StableName.Of(AuditAction.CaseReopen) };

    public sealed record Page(IReadOnlyList<EventDto> Items, int PageNumber, int PageSize, int Total);

    public static void Map(IEndpointRouteBuilder auditors) =>
        auditors.MapGet("/audit-events", async Task<Ok<Page>> ([AsParameters] Query q, Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new Filter(q.EntityId, q.UserId, q.AgencyId, q.Action, q.From, q.To, q.Page ?? 1, q.PageSize ?? 50), ct)))
            .WithName("ListAuditEvents")
            .WithTags("Audit")
            .WithSummary("Audit events within your division (auditors)");

    public sealed record Query(string? EntityId, Guid? UserId, Guid? AgencyId, string? Action, DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current)
    {
        public async Task<Page> HandleAsync(Filter filter, CancellationToken ct)
        {
            var prefix = current.Required.Division.ScopePrefix;
            var agencies = db.Agencies.Where(a => a.DivisionCode.StartsWith(prefix)).Select(a => a.Id);
            IQueryable<AuditEvent> query = db.AuditEvents.AsNoTracking().Where(e => e.AgencyId != null && agencies.Contains(e.AgencyId.Value));
            if (!string.IsNullOrWhiteSpace(filter.EntityId))
            {
                query = query.Where(e => e.EntityId == filter.EntityId.Trim());
            }

            if (filter.UserId is { } user)
            {
                query = query.Where(e => e.UserId == user);
            }

            if (filter.AgencyId is { } agency)
            {
                query = query.Where(e => e.AgencyId == agency);
            }

            if (!string.IsNullOrWhiteSpace(filter.Action))
            {
                query = query.Where(e => e.Action == filter.Action.Trim());
            }

            if (filter.From is { } from)
            {
                query = query.Where(e => e.At >= from);
            }

            if (filter.To is { } to)
            {
                query = query.Where(e => e.At < to);
            }

            var size = Math.Clamp(filter.PageSize, 1, 200);
            var page = Math.Max(1, filter.Page);
            var total = await query.CountAsync(ct);
            var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
            var userIds = rows.Select(r => r.UserId).OfType<Guid>().Distinct().ToList();
            var agencyIds = rows.Select(r => r.AgencyId).OfType<Guid>().Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName, ct);
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            var items = rows.Select(e => new EventDto(
                e.Id, e.At, e.UserId, e.UserId is { } u ? users.GetValueOrDefault(u) : null, e.AgencyId, e.AgencyId is { } a ? names.GetValueOrDefault(a) : null,
                e.Role, e.Action, e.EntityType, e.EntityId, e.Section, FreeTextReasons.Contains(e.Action) ? null : e.Reason, e.ClientAddress, e.ChainIndex, e.CaseId, e.Reason is not null)).ToList();
            return new Page(items, page, size, total);
        }
    }
}
