using Lianhu.Domain.Cases;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Archive;

/// <summary>
/// Feedback at closure (issue 8 item 4): every agency that referred the case (received it first and
/// handed the lead on) or held a task on it gets a <c>case.closed</c> inbox signal — ids only, as
/// every push — and a webhook where it has one; what it then reads is <see cref="ListFeedback"/>.
/// Mandatory reporters are not agencies in this sense: they see the status on their receipt.
/// </summary>
public sealed class ClosureFeedback(LianhuDbContext db, InboxPublisher inbox, WebhookOutbox outbox) : Steps.ICaseListener<Closure.CaseClosed>
{
    private IReadOnlyList<InboxSignal> staged = [];

    public async Task OnAsync(Closure.CaseClosed happened, CancellationToken ct) => staged = await StageAsync(happened.Case, ct);

    public Task SavedAsync(Closure.CaseClosed happened, CancellationToken ct) => PublishAsync(staged, ct);

    public const string Kind = "case.closed";

    /// <summary>Stages the webhooks in the closing transaction and returns the signals to push after it commits.</summary>
    public async Task<IReadOnlyList<InboxSignal>> StageAsync(Case closed, CancellationToken ct)
    {
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.CaseId == closed.Id).OrderBy(t => t.CreatedAt).Select(t => new { t.AgencyId, t.Id }).ToListAsync(ct);
        var receivers = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == closed.Id && e.Kind == CaseEventKind.Opened).Select(e => e.AgencyId).ToListAsync(ct);
        var signals = tasks.GroupBy(t => t.AgencyId).Select(g => (Agency: g.Key, Task: g.First().Id))
            .Concat(receivers.Where(a => tasks.All(t => t.AgencyId != a)).Select(a => (Agency: a, Task: Guid.Empty)))
            .Where(x => x.Agency != closed.LeadAgencyId)
            .DistinctBy(x => x.Agency)
            .Select(x => InboxSignal.ForAgency(x.Agency, Kind, x.Task, closed.Id))
            .ToList();
        await outbox.StageAsync(signals, ct);
        return signals;
    }

    public Task PublishAsync(IReadOnlyList<InboxSignal> signals, CancellationToken ct) => inbox.PublishAsync(signals, ct);
}
