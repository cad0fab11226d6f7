using System.Text.Json;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Lianhu.Web.Features.Inbox;

/// <summary>
/// On PostgreSQL: keeps one dedicated connection that <c>LISTEN</c>s on
/// <see cref="InboxPublisher.Channel"/> and fans each notification out to this node's hub clients.
/// A dropped connection is reopened after a pause. On SQLite it does nothing (one node, in-process).
/// </summary>
public sealed class InboxListener(IHubContext<InboxHub> hub, DatabaseOptions database, ILogger<InboxListener> log) : BackgroundService
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first <c>LISTEN</c> has been issued (for tests and readiness).</summary>
    public Task Listening => listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 30, Pooling = false }.ToString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Fan(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {InboxPublisher.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                listening.TrySetResult();

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                log.LogWarning("Inbox listener lost its connection ({Error}); reconnecting.", ex.GetType().Name);
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Fan(string payload)
    {
        InboxSignal? signal;
        try
        {
            signal = JsonSerializer.Deserialize<InboxSignal>(payload);
        }
        catch (JsonException)
        {
            log.LogWarning("Ignored an unreadable inbox notification.");
            return;
        }

        if (signal is not null)
        {
            _ = InboxPublisher.SendLocalAsync(hub, signal, CancellationToken.None);
        }
    }
}
