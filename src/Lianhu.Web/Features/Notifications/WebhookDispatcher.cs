using System.Security.Cryptography;
using System.Text;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianhu.Web.Features.Notifications;

/// <summary>
/// Delivers due outbox rows: POST the stored JSON to the agency's URL with
/// <c>Lianhu-Event-Id</c>, <c>Lianhu-Event</c> and <c>Lianhu-Signature: sha256=&lt;hex HMAC of the body&gt;</c>.
/// 2xx marks the row delivered; anything else (or no answer) schedules a retry with exponential
/// backoff. Each row is saved on its own with its version checked, so two nodes never both record
/// an attempt; a receiver may still see an event twice (a crash after sending, before saving) —
/// at least once, which is why the event id is there to de-duplicate on.
/// </summary>
public sealed class WebhookDispatcher(LianhuDbContext db, IHttpClientFactory http, TimeProvider time, IOptions<WebhookOptions> options, WebhookTargets targets, ILogger<WebhookDispatcher> log)
{
    public const string ClientName = "webhooks";

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var due = await db.Outbox.Where(e => e.Status == OutboxStatus.Pending && e.NextAttemptAt <= now).OrderBy(e => e.NextAttemptAt).Take(o.BatchSize).ToListAsync(ct);
        var delivered = 0;
        foreach (var e in due)
        {
            var hook = await db.AgencyWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.AgencyId == e.AgencyId && w.Active, ct);
            string? error;
            if (hook is null)
            {
                error = "no-webhook";
            }
            else
            {
                // Checked again at send time: a URL saved before the rule, or a name that now resolves inside.
                error = await targets.CheckAsync(hook.Url, ct) ?? await SendAsync(hook, e, o, ct);
            }

            var at = time.GetUtcNow();
            if (error is null)
            {
                e.Delivered(at);
                delivered++;
            }
            else
            {
                e.Failed(error, at, TimeSpan.FromSeconds(o.BackoffSeconds), TimeSpan.FromSeconds(o.BackoffMaxSeconds));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear(); // another node recorded this attempt
            }
        }

        return delivered;
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task<string?> SendAsync(AgencyWebhook hook, OutboxEvent e, WebhookOptions o, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(e.PayloadJson, Encoding.UTF8, "application/json") };
        request.Headers.Add("Lianhu-Event-Id", e.Id.ToString());
        request.Headers.Add("Lianhu-Event", e.Kind);
        request.Headers.Add("Lianhu-Signature", Sign(hook.Secret, e.PayloadJson));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
            using var response = await http.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : "http-" + (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            log.LogInformation("Webhook delivery of event {EventId} to agency {AgencyId} failed ({Error}); will retry.", e.Id, e.AgencyId, ex.GetType().Name);
            return ex.GetType().Name;
        }
    }
}

/// <summary>Runs a webhook sweep every <see cref="WebhookOptions.ScanSeconds"/>.</summary>
public sealed class WebhookScanner(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, ILogger<WebhookScanner> log) : PeriodicSweep(scopes, log)
{
    protected override bool Enabled => options.Value.Scanner;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.ScanSeconds);

    protected override Task SweepAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<WebhookDispatcher>().SweepAsync(ct);
}
