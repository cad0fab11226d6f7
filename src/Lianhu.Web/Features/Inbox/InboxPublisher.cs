using System.Text.Json;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Lianhu.Web.Features.Inbox;

/// <summary>
/// Publishes inbox signals after the change that caused them has committed. On SQLite (one node)
/// it sends straight to this node's hub clients. On PostgreSQL it only issues
/// <c>NOTIFY lianhu_inbox</c>; every node — this one included — hears it through
/// <see cref="InboxListener"/> and fans it out to its own clients, so a browser connected to any
/// node gets the push. A failed push is logged by type and never fails the request: the inbox
/// page still shows everything on the next load.
/// </summary>
public class InboxPublisher(IHubContext<InboxHub> hub, DatabaseOptions database, ILogger<InboxPublisher> log)
{
    public const string Channel = "lianhu_inbox";

    public virtual async Task PublishAsync(IReadOnlyList<InboxSignal> signals, CancellationToken ct)
    {
        if (signals.Count == 0)
        {
            return;
        }

        try
        {
            if (database.IsPostgres)
            {
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(ct);
                foreach (var signal in signals)
                {
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", JsonSerializer.Serialize(signal));
                    await notify.ExecuteNonQueryAsync(ct);
                }
            }
            else
            {
                foreach (var signal in signals)
                {
                    await SendLocalAsync(hub, signal, ct);
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            log.LogWarning("Inbox push failed ({Error}); clients see the change on their next load.", ex.GetType().Name);
        }
    }

    /// <summary>Sends one signal to this node's clients in its group: a kind and ids, nothing else.</summary>
    public static Task SendLocalAsync(IHubContext<InboxHub> hub, InboxSignal signal, CancellationToken ct) =>
        hub.Clients.Group(signal.Group).SendAsync(InboxHub.Method, new { signal.Kind, signal.TaskId, signal.CaseId }, ct);
}
