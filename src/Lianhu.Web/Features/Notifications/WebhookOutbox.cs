using System.Text.Json;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Stages one outbox row per signal for every agency with an active webhook, in the caller's
/// DbContext, so the row commits in the same transaction as the change it reports (the outbox
/// pattern: no event without its change, no change without its event). The same call stages the
/// notification mails (<see cref="MailOutbox"/>), so every place that reports a change feeds both.
/// </summary>
public sealed class WebhookOutbox(LianhuDbContext db, TimeProvider time, MailOutbox mails, DirectoryCache directory)
{
    public async Task StageAsync(IEnumerable<InboxSignal> signals, CancellationToken ct)
    {
        var all = signals.ToList();
        await mails.StageAsync(all, ct);
        var list = all.Where(s => s.AgencyId is not null).ToList();
        if (list.Count == 0)
        {
            return;
        }

        var hooked = await directory.HookedAgenciesAsync(db, ct);
        var now = time.GetUtcNow();
        foreach (var s in list.Where(s => hooked.Contains(s.AgencyId!.Value)))
        {
            var id = Guid.CreateVersion7(now);
            var payload = JsonSerializer.Serialize(new { eventId = id, kind = s.Kind, agencyId = s.AgencyId, taskId = s.TaskId, caseId = s.CaseId, at = now });
            db.Outbox.Add(OutboxEvent.Create(id, s.AgencyId!.Value, s.Kind, payload, now));
        }
    }
}
