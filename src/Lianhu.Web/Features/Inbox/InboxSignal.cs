using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;

namespace Lianhu.Web.Features.Inbox;

/// <summary>
/// What a live inbox push carries: the SignalR group (<c>agency:{id}</c> or <c>user:{id}</c>), a
/// kind (<c>task.new</c>, <c>task.declined</c>, …) and ids. Never case content: the browser fetches
/// what it may see through the scoped API.
/// </summary>
public sealed record InboxSignal(string Group, string Kind, Guid TaskId, Guid CaseId)
{
    public static string AgencyGroup(Guid agencyId) => "agency:" + agencyId.ToString("N");

    public static string UserGroup(Guid userId) => "user:" + userId.ToString("N");

    /// <summary>The agency of an agency-group signal; null for a user group.</summary>
    public Guid? AgencyId => Group.StartsWith("agency:", StringComparison.Ordinal) && Guid.TryParse(Group["agency:".Length..], out var id) ? id : null;

    public static InboxSignal ForAgency(Guid agencyId, string kind, Guid taskId, Guid caseId) => new(AgencyGroup(agencyId), kind, taskId, caseId);

    /// <summary>A new task: "new" to the agency that holds it, or — held for consent — "held" to the case's lead, never to the body it is held from.</summary>
    public static InboxSignal ForNewTask(Guid holderAgencyId, bool held, Guid leadAgencyId, Guid taskId, Guid caseId) =>
        held ? ForAgency(leadAgencyId, "task.held", taskId, caseId) : ForAgency(holderAgencyId, "task.new", taskId, caseId);
}
