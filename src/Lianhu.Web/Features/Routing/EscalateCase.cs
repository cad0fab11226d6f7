using Lianhu.Domain.Access;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Common;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Features.Cases;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Identity;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Routing;

/// <summary>
/// A linkage centre (or the lead) moves a case between tiers with a reason: <c>up</c> asks the
/// linkage centre one tier above the caller to take it (district → city …); <c>down</c> hands it to
/// the centre one tier below on the case's own line (city → its district, district → its town,
/// town → the community workstation). Either is a task with a clock for the receiving centre, which
/// accepts (and later completes) or declines with a reason.
/// </summary>
public static class EscalateCase
{
    public sealed record Request(string? Direction, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        TaskRequestEndpoint.Map<Request, Handler>(api, "/cases/{id:guid}/escalation")
            .WithName("EscalateCase").WithTags("Tasks").WithSummary("Pull a case up a tier or hand it down, with a reason (a task with a clock)");

    public sealed class Handler(TaskRequestFlow flow, TaskClocks routing) : ITaskRequestHandler<Request>
    {
        public static string ForbiddenCode => "escalation.not-allowed";

        public Task<TaskRequestOutcome> HandleAsync(Guid caseId, Request request, IStringLocalizer text, CancellationToken ct) =>
            flow.RunAsync(caseId, request.Reason, text, MayMove, (user, found, errors) => TargetAsync(user, found, request, errors, ct), ct);

        private static bool MayMove(CurrentUser user, Case found)
        {
            var relation = CaseAccess.RelationTo(user, found);
            return (user.Has(Role.Caseworker) || user.Has(Role.Supervisor))
                && (relation == CaseRelation.Lead || (relation == CaseRelation.Supervising && user.AgencyType == AgencyType.LinkageCentre));
        }

        private async Task<TaskRequestTarget?> TargetAsync(CurrentUser user, Case found, Request request, FieldErrors errors, CancellationToken ct)
        {
            var up = request.Direction?.Trim() switch
            {
                "up" => true,
                "down" => false,
                _ => (bool?)null,
            };
            if (up is null)
            {
                errors.Add("direction", "escalation.direction");
            }

            if (errors.Any)
            {
                return null;
            }

            var community = DivisionCode.Parse(found.DivisionCode);
            var directory = await routing.DirectoryAsync(found.DivisionCode, ct);
            var target = up!.Value ? Above(user.Division, directory) : Below(user.Division, community, directory);
            if (target is null)
            {
                throw new DomainRuleViolationException(up.Value ? "escalation.no-higher-tier" : "escalation.no-lower-tier", "There is no linkage centre in that direction.");
            }

            var reason = up.Value
                ? new RoutingText($"上提至{TierZh(target.Division.Tier)}联动中心处置", $"pulled up to the {StableName.Of(target.Division.Tier)} linkage centre")
                : new RoutingText($"下交{TierZh(target.Division.Tier)}处置", $"handed down to the {StableName.Of(target.Division.Tier)} tier");
            return new TaskRequestTarget(CaseTaskKind.Escalation, (target.Id, target.Type, target.Division.Tier), reason,
                up.Value ? CaseEventKind.Escalated : CaseEventKind.HandedDown, up.Value ? AuditAction.CaseEscalateUp : AuditAction.CaseHandDown);
        }

        private static DirectoryAgency? Above(DivisionCode from, IReadOnlyList<DirectoryAgency> directory) =>
            from.Parent is { } parent ? RoutingPolicy.Resolve(directory, AgencyType.LinkageCentre, parent) : null;

        private static DirectoryAgency? Below(DivisionCode from, DivisionCode community, IReadOnlyList<DirectoryAgency> directory)
        {
            if (from.Tier >= Tier.Community || !from.Contains(community))
            {
                return null;
            }

            var next = RoutingPolicy.At(community, from.Tier + 1);
            var type = next.Tier == Tier.Community ? AgencyType.CommunityWorkstation : AgencyType.LinkageCentre;
            return directory.Where(a => a.Type == type && a.Division == next).OrderBy(a => a.Id).FirstOrDefault();
        }

        internal static string TierZh(Tier tier) => tier switch
        {
            Tier.City => "市",
            Tier.District => "区",
            Tier.Town => "街道",
            _ => "社区",
        };
    }
}
