using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Conferences;

/// <summary>
/// Case conferences across my agency's scope (<c>GET /conferences</c>): the scheduled ones on
/// cases I may see or to which my agency is invited, soonest first, then those held in the last
/// 30 days; each with its case number, convener, invited agencies and the agenda built from the
/// case. No minutes: they stay on the case page, for the invited agencies.
/// </summary>
public static class ListConferences
{
    public static readonly TimeSpan RecentlyHeld = TimeSpan.FromDays(30);
    public const int MaxItems = 100;

    public sealed record Item(
        Guid Id, Guid CaseId, string CaseNumber, string Trigger, string Status, DateTimeOffset ScheduledAt, string ConvenerName, IReadOnlyList<string> Agenda,
        IReadOnlyList<string> Invited, bool InvitedMe, bool IConvene);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/conferences", async (Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(invitedOnly: false, ct)))
            .WithName("ListConferences").WithTags("Conferences").WithSummary("Scheduled and recently held case conferences in my agency's scope");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time)
    {
        /// <param name="invitedOnly">The inbox: scheduled conferences my agency is invited to.</param>
        public async Task<IReadOnlyList<Item>> HandleAsync(bool invitedOnly, CancellationToken ct)
        {
            var user = current.Required;
            if (!user.Has(Role.Caseworker) && !user.Has(Role.Supervisor))
            {
                return [];
            }

            var agencyId = user.AgencyId;
            var since = time.GetUtcNow() - RecentlyHeld;
            var visible = db.Cases.VisibleTo(user).Select(c => c.Id);
            var rows = await db.CaseConferences.AsNoTracking()
                .Where(c => c.InvitedAgencyIds.Contains(agencyId) || (!invitedOnly && visible.Contains(c.CaseId)))
                .Where(c => c.Status == ConferenceStatus.Scheduled || (!invitedOnly && c.Status == ConferenceStatus.Held && c.HeldAt >= since))
                .OrderBy(c => c.ScheduledAt).Take(MaxItems).ToListAsync(ct);
            rows = [.. rows.OrderBy(c => c.Status != ConferenceStatus.Scheduled).ThenBy(c => c.ScheduledAt)];
            var caseIds = rows.Select(c => c.CaseId).Distinct().ToList();
            var numbers = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
            var agencyIds = rows.SelectMany(c => c.InvitedAgencyIds.Append(c.ConvenerAgencyId)).Distinct().ToList();
            var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            // The inbox (refreshed on every push) reads no case content here; the conferences page is audited.
            if (!invitedOnly)
            {
                audit.Record(user.AsActor(), AuditAction.ConferenceList, "agency", agencyId.ToString());
                await db.SaveChangesAsync(ct);
            }

            return [.. rows.Select(c => new Item(
                c.Id, c.CaseId, numbers.GetValueOrDefault(c.CaseId, string.Empty), StableName.Of(c.Trigger), StableName.Of(c.Status), c.ScheduledAt,
                names.GetValueOrDefault(c.ConvenerAgencyId, string.Empty), c.Agenda.Split('\n', StringSplitOptions.RemoveEmptyEntries),
                [.. c.InvitedAgencyIds.Select(a => names.GetValueOrDefault(a, string.Empty))], c.InvitedAgencyIds.Contains(agencyId), c.ConvenerAgencyId == agencyId))];
        }
    }
}
