using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Sends claimed mails: looks up the agency's duty address and the case number now (the row holds
/// ids only), renders the text, sends over SMTP and records sent / failed (retry with exponential
/// backoff) / dead (after <see cref="MailOptions.MaxAttempts"/>). Each row is saved on its own with
/// its version checked. At least once: a crash after the SMTP server accepted a mail and before the
/// row was saved sends it again after the lease; the notification id header lets a reader spot that.
/// </summary>
public sealed class MailDispatcher(LianhuDbContext db, MailClaimQueries claims, SmtpMailTransport transport, TimeProvider time, IOptions<MailOptions> options)
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var ids = await claims.ClaimDueAsync(now, now.AddSeconds((o.TimeoutSeconds * 2) + 30), o.BatchSize, ct);
        db.ChangeTracker.Clear();
        var sent = 0;
        foreach (var id in ids)
        {
            var mail = await db.OutboxMails.SingleAsync(m => m.Id == id, ct);
            var to = await db.Agencies.AsNoTracking().Where(a => a.Id == mail.AgencyId && a.IsActive).Select(a => a.DutyEmail).SingleOrDefaultAsync(ct);
            var caseNumber = await db.Cases.AsNoTracking().Where(c => c.Id == mail.CaseId).Select(c => c.Number).SingleOrDefaultAsync(ct) ?? "-";
            var error = to is null ? "no-address" : await transport.SendAsync(to, MailComposer.Compose(mail, caseNumber, o), mail.Id, ct);
            var at = time.GetUtcNow();
            if (error is null)
            {
                mail.Sent(at);
                sent++;
            }
            else
            {
                mail.Failed(error, at, o.MaxAttempts, TimeSpan.FromSeconds(o.BackoffSeconds), TimeSpan.FromSeconds(o.BackoffMaxSeconds));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // An administrator retried it meanwhile, or our lease ran out and another node took it.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }
}

/// <summary>Runs a mail sweep every <see cref="MailOptions.ScanSeconds"/>, while mail is configured.</summary>
public sealed class MailScanner(IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<MailScanner> log) : PeriodicSweep(scopes, log)
{
    protected override bool Enabled => options.Value.Scanner && options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ScanSeconds);

    protected override Task SweepAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<MailDispatcher>().SweepAsync(ct);
}
