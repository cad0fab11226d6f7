using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Api;

/// <summary>A database that is down answers 503 with Retry-After, never a 500 nor a hang (issue 17, ADR 0030).</summary>
public sealed class DatabaseDownTests
{
    [Fact]
    public void SqliteFullBusyAndIoErrors_AreUnavailable_AConstraintOrABugIsNot()
    {
        DatabaseUnavailable.Is(new SqliteException("database or disk is full", 13)).ShouldBeTrue();
        DatabaseUnavailable.Is(new SqliteException("database is locked", 5)).ShouldBeTrue();
        DatabaseUnavailable.Is(new InvalidOperationException("wrapped", new SqliteException("disk I/O error", 10))).ShouldBeTrue();
        DatabaseUnavailable.Is(new SqliteException("UNIQUE constraint failed", 19)).ShouldBeFalse();
        DatabaseUnavailable.Is(new InvalidOperationException("a bug")).ShouldBeFalse();
    }

    [ProviderFact]
    public async Task PostgresUnreachable_Answers503WithRetryAfter_InTheCallersLanguage_WithinSeconds()
    {
        using var link = new TcpLink(PostgresServer.CreateDatabase("lianhu_down"));
        await using var host = new Host(link.ConnectionString);
        _ = host.Services;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedCityAsync(LianhuFactory.Password, markDemo: false);
        }

        using var client = await host.ClientAsAsync(host.City.Accounts.First(a => a.Role == Lianhu.Domain.Access.Role.Caseworker), "en");
        (await client.GetAsync("/api/v1/cases?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

        link.Cut(); // the database goes away: open connections die, new ones are refused
        var clock = Stopwatch.StartNew();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var response = await client.GetAsync("/api/v1/cases?pageSize=1");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("code").GetString().ShouldBe("unavailable");
            problem.GetProperty("title").GetString().ShouldBe(language == "en" ? "Service temporarily unavailable" : "服务暂时不可用");
        }

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    private sealed class Host(string connectionString) : LianhuFactory, IPostgresTests
    {
        public override string Provider => "postgres";

        protected override string ConnectionString => connectionString;
    }

    /// <summary>A loopback TCP relay in front of the test cluster, so one test can take "the database" away without stopping it for the others.</summary>
    private sealed class TcpLink : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<TcpClient> open = [];
        private readonly CancellationTokenSource stop = new();
        private readonly IPEndPoint target;

        public TcpLink(string realConnectionString)
        {
            var real = new Npgsql.NpgsqlConnectionStringBuilder(realConnectionString);
            target = new IPEndPoint(IPAddress.Loopback, real.Port);
            listener.Start();
            real.Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            real.Timeout = 5;
            ConnectionString = real.ConnectionString;
            _ = AcceptAsync();
        }

        public string ConnectionString { get; }

        public void Cut()
        {
            stop.Cancel();
            listener.Stop();
            foreach (var client in open)
            {
                client.Client.Close(0);
                client.Dispose();
            }
        }

        public void Dispose()
        {
            if (!stop.IsCancellationRequested)
            {
                Cut();
            }

            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var inbound = await listener.AcceptTcpClientAsync(stop.Token);
                    var outbound = new TcpClient();
                    await outbound.ConnectAsync(target, stop.Token);
                    open.Add(inbound);
                    open.Add(outbound);
                    _ = PumpAsync(inbound, outbound);
                    _ = PumpAsync(outbound, inbound);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }

        private async Task PumpAsync(TcpClient from, TcpClient to)
        {
            try
            {
                await from.GetStream().CopyToAsync(to.GetStream(), stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
