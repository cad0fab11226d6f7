using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Stages one mail row per signal worth an e-mail (a new task or request for the agency, a task
/// declined back to the centre, a conference invitation or its cancellation, a breached clock) for every active agency
/// with a duty address, in the caller's DbContext: the row commits with the change it reports, or
/// not at all. Nothing is staged while mail is off (no SMTP host configured).
/// </summary>
public sealed class MailOutbox(LianhuDbContext db, TimeProvider time, IOptions<MailOptions> options, DirectoryCache directory)
{
    /// <summary>The signal kinds that send a mail; the others (accepted, completed, …) stay in the inbox.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "task.new", "task.declined", "conference.scheduled", "conference.cancelled", "clock.breached",
    };

    public async Task StageAsync(IReadOnlyCollection<InboxSignal> signals, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var list = signals.Where(s => s.AgencyId is not null && Kinds.Contains(s.Kind)).ToList();
        if (list.Count == 0)
        {
            return;
        }

        var addressed = await directory.MailedAgenciesAsync(db, ct);
        var now = time.GetUtcNow();
        foreach (var s in list.Where(s => addressed.Contains(s.AgencyId!.Value)))
        {
            db.OutboxMails.Add(OutboxMail.Create(Guid.CreateVersion7(now), s.AgencyId!.Value, s.Kind, s.CaseId, s.TaskId, now));
        }
    }
}
