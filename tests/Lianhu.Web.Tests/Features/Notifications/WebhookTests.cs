using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;


namespace Lianhu.Web.Tests.Features.Notifications;

/// <summary>
/// Signed outbound webhooks through the outbox, on each database: a receiver that is down for a
/// while gets every event once it is back, each signed, each with its event id (issue 6 item 7).
/// </summary>
public abstract class WebhookTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Secret = "s3cret-webhook-key-for-tests";

    [ProviderFact]
    public async Task AReceiverThatWasDown_GetsEveryEvent_OnceItIsBack_Signed_WithEventIds()
    {
        var receiver = new Receiver { Down = true };
        using var node = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Lianhu:Webhooks:BackoffSeconds", "0");
            b.ConfigureTestServices(s => s.AddHttpClient(WebhookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => receiver));
        });

        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin), "en");
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station.Agency.Id}/webhook", new { url = "ftp://x", secret = Secret })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station.Agency.Id}/webhook", new { url = "https://receiver.example/hook", secret = Secret })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var lead = await factory.ClientAsAsync(workstation, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "推送测试", divisionCode = workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{created.GetProperty("id").GetGuid()}/assessments", TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();

        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications?status=pending");
        var events = pending.EnumerateArray().Where(e => e.GetProperty("agencyId").GetGuid() == station.Agency.Id).Select(e => e.GetProperty("eventId").GetGuid()).ToList();
        events.Count.ShouldBeGreaterThanOrEqualTo(2); // its task and the conference invitation

        async Task<int> SweepAsync()
        {
            await using var scope = node.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().SweepAsync(CancellationToken.None);
        }

        (await SweepAsync()).ShouldBe(0);
        (await SweepAsync()).ShouldBe(0);
        var failing = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications?status=pending")).EnumerateArray().First(e => e.GetProperty("eventId").GetGuid() == events[0]);
        failing.GetProperty("attempts").GetInt32().ShouldBe(2);
        failing.GetProperty("lastError").GetString().ShouldBe("http-503");

        receiver.Down = false;
        (await SweepAsync()).ShouldBe(events.Count);
        (await SweepAsync()).ShouldBe(0);

        receiver.Accepted.Select(r => r.EventId).Order().ShouldBe(events.Order());
        foreach (var r in receiver.Accepted)
        {
            r.Signature.ShouldBe(WebhookDispatcher.Sign(Secret, r.Body));
            JsonDocument.Parse(r.Body).RootElement.GetProperty("eventId").GetGuid().ShouldBe(r.EventId);
            r.Body.ShouldNotContain("推送测试");
        }

        var delivered = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications?status=delivered");
        delivered.EnumerateArray().Count(e => events.Contains(e.GetProperty("eventId").GetGuid())).ShouldBe(events.Count);
    }

    private sealed class Receiver : HttpMessageHandler
    {
        public volatile bool Down;

        public ConcurrentQueue<(Guid EventId, string Signature, string Body)> Accepted { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Down)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Accepted.Enqueue((Guid.Parse(request.Headers.GetValues("Lianhu-Event-Id").Single()), request.Headers.GetValues("Lianhu-Signature").Single(), body));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}

public sealed class WebhookTests_Sqlite(SqliteFactory factory) : WebhookTests<SqliteFactory>(factory);

public sealed class WebhookTests_Postgres(PostgresFactory factory) : WebhookTests<PostgresFactory>(factory), IPostgresTests;
