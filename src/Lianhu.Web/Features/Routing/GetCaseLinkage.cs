using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Lianhu.Web.Steps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// Who is accountable for a case and where it is handled, as the case page shows it: the lead
/// (first-in-charge) and a lead transfer waiting for an answer, the handling tier, the escalation
/// requests with their clocks, and what the caller may do (request a transfer, answer one, pull up
/// or hand down). The handling tier is the tier of the newest accepted escalation (pull-up or
/// hand-down) and otherwise the lead's own tier.
/// </summary>
public static class GetCaseLinkage
{
    public sealed record Request(Guid TaskId, string Kind, Guid AgencyId, string AgencyName, string Tier, string Status, string Direction, DateTimeOffset DueAt, bool Overdue, bool MayAnswer, string? Text);

    public sealed record Target(Guid Id, string Name, string Type, string Tier);

    public sealed record LinkageDto(
        Guid CaseId, Guid LeadAgencyId, string LeadAgencyName, string HandlingTier, string HandlingAgencyName, Request? PendingTransfer, IReadOnlyList<Request> Escalations,
        bool MayRequestTransfer, bool MayEscalate, bool MayHandDown, IReadOnlyList<Target> TransferTargets);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/cases/{id:guid}/linkage", async Task<Results<Ok<LinkageDto>, NotFound>> (Guid id, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound()).OnCase(CaseSteps.ReadLinkage)
            .WithName("GetCaseLinkage").WithTags("Tasks").WithSummary("The lead, a pending lead transfer, the handling tier and escalations of a case (404 outside your scope)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, AuditTrail audit, TimeProvider time, LeadTransferTargets targets)
    {
        /// <param name="withText">False for the case header: no request texts (case content), so no read to audit, and no transfer targets.</param>
        public async Task<LinkageDto?> HandleAsync(Guid caseId, CancellationToken ct, bool withText = true)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null)
            {
                return null;
            }

            var requests = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == caseId && (t.Kind == CaseTaskKind.LeadTransfer || t.Kind == CaseTaskKind.Escalation))
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
            var agencyIds = requests.SelectMany(t => new[] { t.AgencyId, t.RoutingCentreId }).Append(found.LeadAgencyId).Distinct().ToList();
            var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new { a.Name, a.Tier }, ct);
            if (withText)
            {
                audit.Record(user.AsActor(), AuditAction.LinkageRead, "case", caseId.ToString(), section: "case:" + caseId.ToString("N"));
                await db.SaveChangesAsync(ct);
            }

            var now = time.GetUtcNow();
            var relation = CaseAccess.RelationTo(user, found);
            var handles = user.Has(Role.Caseworker) || user.Has(Role.Supervisor);
            var isLead = handles && relation == CaseRelation.Lead;
            var isCentre = handles && relation == CaseRelation.Supervising && user.AgencyType == AgencyType.LinkageCentre;
            var open = found.Status != Domain.Cases.CaseStatus.Closed;
            string Name(Guid id) => agencies.TryGetValue(id, out var a) ? a.Name : string.Empty;

            // The request text is case content: shown to the requester and the receiver only.
            Request ToRequest(CaseTask t) => new(
                t.Id, StableName.Of(t.Kind), t.AgencyId, Name(t.AgencyId), StableName.Of(t.Tier), StableName.Of(t.Status),
                agencies.TryGetValue(t.RoutingCentreId, out var from) && t.Tier > from.Tier ? "down" : "up",
                t.DueAt, t.IsOpen && now >= t.DueAt, t.Status == CaseTaskStatus.Created && TaskHolders.MayHold(user, t),
                withText && (user.AgencyId == t.AgencyId || user.AgencyId == t.RoutingCentreId) ? t.RequestText : null);

            var pending = requests.FirstOrDefault(t => t.Kind == CaseTaskKind.LeadTransfer && t.IsOpen);
            var handling = requests.Where(t => t.Kind == CaseTaskKind.Escalation && t.AcceptedAt != null && t.Status is not (CaseTaskStatus.Declined or CaseTaskStatus.Cancelled))
                .OrderByDescending(t => t.AcceptedAt).FirstOrDefault();
            var leadTier = agencies.TryGetValue(found.LeadAgencyId, out var lead) ? lead.Tier : Tier.Community;
            var mayTransfer = isLead && open && pending is null;
            return new LinkageDto(
                caseId, found.LeadAgencyId, Name(found.LeadAgencyId),
                StableName.Of(handling?.Tier ?? leadTier), Name(handling?.AgencyId ?? found.LeadAgencyId),
                pending is null ? null : ToRequest(pending),
                [.. requests.Where(t => t.Kind == CaseTaskKind.Escalation).Select(ToRequest)],
                mayTransfer, open && (isLead || isCentre), open && isCentre && user.Division.Tier < Tier.Community,
                mayTransfer && withText ? [.. (await targets.ForAsync(found, ct)).Select(a => new Target(a.Id, a.Name, StableName.Of(a.Type), StableName.Of(a.Tier)))] : []);
        }
    }
}
