using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Cases;

/// <summary>
/// Emergency access ("break-glass") to a case outside the caller's scope, by case number, with a
/// typed reason, for a limited time (<c>Lianhu:BreakGlass:Hours</c>, default 2). Recorded in the audit
/// trail and shown to the lead agency's supervisors and the supervising centre on the case page.
/// </summary>
public static class BreakGlass
{
    public sealed record Request(string? CaseNumber, string? Reason);

    public sealed record Granted(Guid CaseId, string CaseNumber, DateTimeOffset ExpiresAt);

    /// <summary>An emergency access still running, for the banner on every page.</summary>
    public sealed record ActiveGrant(Guid CaseId, string CaseNumber, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/break-glass", async Task<Results<Created<Granted>, ValidationProblem, NotFound>> (Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (granted, errors, notFound) = await handler.HandleAsync(request, text, ct);
                return errors is not null ? errors.ToProblem()
                    : notFound ? TypedResults.NotFound()
                    : TypedResults.Created($"/api/v1/cases/{granted!.CaseId}", granted);
            })
            .WithName("BreakGlass")
            .WithTags("Cases")
            .WithSummary("Emergency access to a case outside your scope, with a reason, for a limited time");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, IConfiguration configuration, Inbox.InboxPublisher inbox)
    {
        /// <summary>The user's emergency accesses still running, soonest to end first.</summary>
        public async Task<IReadOnlyList<ActiveGrant>> ActiveAsync(CurrentUser user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(user);
            var now = time.GetUtcNow();
            var userId = user.UserId;
            return await (from g in db.BreakGlassGrants.AsNoTracking()
                          join c in db.Cases.AsNoTracking() on g.CaseId equals c.Id
                          where g.UserId == userId && g.ExpiresAt > now
                          orderby g.ExpiresAt
                          select new ActiveGrant(c.Id, c.Number, g.ExpiresAt)).ToListAsync(ct);
        }

        public async Task<(Granted? Granted, FieldErrors? Errors, bool NotFound)> HandleAsync(Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var errors = new FieldErrors(text).Required("caseNumber", request.CaseNumber).Required("reason", request.Reason);
            if (!string.IsNullOrWhiteSpace(request.Reason) && !BreakGlassGrant.IsMeaningfulReason(request.Reason))
            {
                errors.Add("reason", "break-glass.reason");
            }

            if (!user.Has(Role.Caseworker) && !user.Has(Role.Supervisor))
            {
                errors.Add("caseNumber", "break-glass.role");
            }

            if (errors.Any)
            {
                return (null, errors, false);
            }

            var number = request.CaseNumber!.Trim().ToUpperInvariant();
            var target = await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => new { c.Id, c.Number, c.LeadAgencyId, c.DivisionCode }).SingleOrDefaultAsync(ct);
            if (target is null)
            {
                return (null, null, true);
            }

            var now = time.GetUtcNow();
            var grant = BreakGlassGrant.Open(
                Guid.CreateVersion7(now), target.Id, user.UserId, user.AgencyId, request.Reason!, now, TimeSpan.FromHours(configuration.GetValue("Lianhu:BreakGlass:Hours", 2.0)));
            db.BreakGlassGrants.Add(grant);
            audit.Record(user.AsActor(), AuditAction.CaseBreakGlass, "case", target.Id.ToString(), reason: "break-glass " + grant.Id.ToString("N"));
            await db.SaveChangesAsync(ct);

            // At once, to the lead and the linkage centres above the case (ids only, never content).
            var community = DivisionCode.Parse(target.DivisionCode);
            var cityPrefix = community.Value[..4];
            var centres = await db.Agencies.AsNoTracking()
                .Where(a => a.Type == AgencyType.LinkageCentre && a.DivisionCode.StartsWith(cityPrefix))
                .Select(a => new { a.Id, a.DivisionCode }).ToListAsync(ct);
            var signals = centres.Where(a => DivisionCode.Parse(a.DivisionCode).Contains(community)).Select(a => a.Id)
                .Append(target.LeadAgencyId).Distinct()
                .Select(agency => new Inbox.InboxSignal(Inbox.InboxSignal.AgencyGroup(agency), "break-glass", Guid.Empty, target.Id)).ToList();
            await inbox.PublishAsync(signals, ct);
            return (new Granted(target.Id, target.Number, grant.ExpiresAt), null, false);
        }
    }
}
