using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Api;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Linkage;

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
        api.MapPost("/cases/{id:guid}/lead-transfer", async Task<Results<Created<TaskDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
                Guid id, Request request, Handler handler, IStringLocalizer<Request> text, CancellationToken ct) =>
            {
                var (task, errors, forbidden) = await handler.HandleAsync(id, request, text, ct);
                if (forbidden)
                {
                    return Problems.Forbidden(text, "lead-transfer.not-lead");
                }

                return errors is not null ? errors.ToProblem() : task is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/cases/{id}/tasks", task);
            })
            .WithName("RequestLeadTransfer").WithTags("Tasks").WithSummary("Ask another agency to take over as lead (it accepts or declines)");

    public sealed class Handler(LianhuDbContext db, CurrentUserAccessor current, TaskRequests requests, LeadTransferTargets targets, CaseTimeline timeline)
    {
        public async Task<(TaskDto? Task, FieldErrors? Errors, bool Forbidden)> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct)
        {
            var user = current.Required;
            var found = await db.Cases.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(c => c.Id == caseId, ct);
            if (found is null)
            {
                return (null, null, false);
            }

            if (found.LeadAgencyId != user.AgencyId || !(user.Has(Role.Caseworker) || user.Has(Role.Supervisor)))
            {
                return (null, null, true);
            }

            var errors = new FieldErrors(text).Required("reason", request.Reason);
            var to = request.AgencyId is { } agencyId ? (await targets.ForAsync(found, ct)).SingleOrDefault(a => a.Id == agencyId) : null;
            if (to is null)
            {
                errors.Add("agencyId", request.AgencyId is null ? "required" : request.AgencyId == user.AgencyId ? "lead-transfer.to-self" : "lead-transfer.not-eligible");
            }

            if (errors.Any)
            {
                return (null, errors, false);
            }

            if (await db.CaseTasks.AnyAsync(t => t.CaseId == caseId && t.Kind == CaseTaskKind.LeadTransfer && TaskHolders.Open.Contains(t.Status), ct))
            {
                throw new DomainRuleViolationException("lead-transfer.pending", "A lead transfer is already waiting for an answer.");
            }

            timeline.Record(caseId, CaseEventKind.LeadTransferRequested, CaseSections.Linkage, user.AgencyId, user.UserId, detail: to!.Id.ToString());
            var task = await requests.CreateAsync(user, caseId, CaseTaskKind.LeadTransfer, (to.Id, to.Type, to.Tier),
                new RoutingText("牵头单位申请移交，请接收或说明理由拒绝", "the lead asks you to take over the case; accept or decline with a reason"),
                request.Reason!, "case.lead-transfer-request", ct);
            return (task, null, false);
        }
    }
}
