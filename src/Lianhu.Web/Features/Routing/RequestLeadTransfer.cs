using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// The lead asks another agency to take over as first-in-charge (首问负责制). The request is a task
/// for the receiving agency with a clock; it accepts (the lead moves then) or declines with a reason.
/// Until it accepts, the current lead stays accountable. One open request per case (409). The
/// receiving agency is one of <see cref="LeadTransferTargets"/> (the channel policy, through the
/// division tree); the request and its answer appear on the case's timeline.
/// </summary>
public static class RequestLeadTransfer
{
    public sealed record Request(Guid? AgencyId, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        TaskRequestEndpoint.Map<Request, Handler>(api, "/cases/{id:guid}/lead-transfer")
            .WithName("RequestLeadTransfer").WithTags("Tasks").WithSummary("Ask another agency to take over as lead (it accepts or declines)");

    public sealed class Handler(LianhuDbContext db, TaskRequestFlow flow, LeadTransferTargets targets) : ITaskRequestHandler<Request>
    {
        public static string ForbiddenCode => "lead-transfer.not-lead";

        public Task<TaskRequestOutcome> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct) =>
            flow.RunAsync(caseId, request.Reason, text, IsLead, (user, found, errors) => TargetAsync(user, found, request, errors, ct), ct);

        private static bool IsLead(CurrentUser user, Case found) =>
            found.LeadAgencyId == user.AgencyId && (user.Has(Role.Caseworker) || user.Has(Role.Supervisor));

        private async Task<TaskRequestTarget?> TargetAsync(CurrentUser user, Case found, Request request, FieldErrors errors, CancellationToken ct)
        {
            var to = request.AgencyId is { } agencyId ? (await targets.ForAsync(found, ct)).SingleOrDefault(a => a.Id == agencyId) : null;
            if (to is null)
            {
                errors.Add("agencyId", request.AgencyId is null ? "required" : request.AgencyId == user.AgencyId ? "lead-transfer.to-self" : "lead-transfer.not-eligible");
            }

            if (errors.Any)
            {
                return null;
            }

            if (await db.CaseTasks.AnyAsync(t => t.CaseId == found.Id && t.Kind == CaseTaskKind.LeadTransfer && TaskHolders.Open.Contains(t.Status), ct))
            {
                throw new DomainRuleViolationException("lead-transfer.pending", "A lead transfer is already waiting for an answer.");
            }

            return new TaskRequestTarget(CaseTaskKind.LeadTransfer, (to!.Id, to.Type, to.Tier),
                new RoutingText("牵头单位申请移交，请接收或说明理由拒绝", "the lead asks you to take over the case; accept or decline with a reason"),
                CaseEventKind.LeadTransferRequested, AuditAction.CaseLeadTransferRequest);
        }
    }
}
