using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Notifications;

/// <summary>
/// Webhooks only for agencies the administrator manages, https only, and never to an internal
/// address unless the city names the host (the test hosts name <c>receiver.example</c>; ADR 0024).
/// </summary>
public abstract class WebhookTargetTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Secret = "s3cret-webhook-key-for-tests";

    [ProviderFact]
    public async Task ADistrictAdministrator_CannotRepointAnotherDistrictsWebhook()
    {
        var futianStation = factory.Account(AgencyType.PoliceStation, "440304").Agency.Id;
        using var baoanAdmin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440306", Role.Sysadmin), "en");
        (await baoanAdmin.PutAsJsonAsync($"/api/v1/agencies/{futianStation}/webhook", new { url = "https://receiver.example/stolen", secret = Secret }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await baoanAdmin.PutAsJsonAsync($"/api/v1/agencies/{futianStation}/duty-email", new { dutyEmail = "x@example.cn" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task InternalTargetsAndPlainHttp_AreRefused_NamingTheField()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440305").Agency.Id;
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin), "en");
        (string Url, string Reason)[] refused =
        [
            ("https://127.0.0.1:9/hook", "internal"), ("https://localhost/hook", "internal"), ("https://10.20.30.40/hook", "internal"),
            ("https://192.168.1.10/hook", "internal"), ("https://169.254.169.254/latest/meta-data", "internal"), ("https://[::1]/hook", "internal"),
            ("https://[::ffff:127.0.0.1]/hook", "internal"), ("http://receiver.example/hook", "https"), ("ftp://receiver.example/hook", "URL"),
        ];
        foreach (var (url, reason) in refused)
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/agencies/{station}/webhook", new { url, secret = Secret });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain(reason, Case.Insensitive, url);
        }

        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station}/webhook", new { url = "https://receiver.example/hook", secret = Secret }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent); // the host the city allows by name
    }

    [ProviderFact]
    public async Task AHookThatNowPointsInside_IsNotCalled_WhenEventsAreSent()
    {
        var receiver = new Receiver();
        using var node = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddHttpClient(WebhookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => receiver)));
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin), "en");
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station.Agency.Id}/webhook", new { url = "https://receiver.example/hook", secret = Secret })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using (var scope = node.Services.CreateAsyncScope())
        {
            // As if saved before the rule existed, or by a name that now resolves inside (DNS rebinding).
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var agencyId = station.Agency.Id;
            await db.AgencyWebhooks.Where(w => w.AgencyId == agencyId).ExecuteUpdateAsync(s => s.SetProperty(w => w.Url, "https://127.0.0.1:9/hook"));
        }

        await StageEventsForAsync(station);

        await using (var scope = node.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().SweepAsync(CancellationToken.None)).ShouldBe(0);
        }

        receiver.Requests.ShouldBeEmpty();
        var pending = await admin.GetFromJsonAsync<JsonElement>("/api/v1/notifications?status=pending");
        pending.EnumerateArray().Where(e => e.GetProperty("agencyId").GetGuid() == station.Agency.Id)
            .ShouldAllBe(e => e.GetProperty("lastError").GetString() == "webhook.private-target");
    }

    [ProviderFact]
    public async Task TheDeliveryList_ShowsOnlyTheAdministratorsDivision()
    {
        var baoan = factory.Account(AgencyType.PoliceStation, "440306");
        await StageEventsForAsync(baoan);
        var station = baoan.Agency.Id;
        using var futianAdmin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Sysadmin), "en");
        var managed = (await futianAdmin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?divisionCode=440304")).EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        var rows = (await futianAdmin.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).EnumerateArray().ToList();
        rows.ShouldAllBe(e => managed.Contains(e.GetProperty("agencyId").GetGuid()));
        rows.ShouldNotContain(e => e.GetProperty("agencyId").GetGuid() == station);
    }

    /// <summary>A high-risk case in the station's town: its task and conference invitation stage webhook events for it.</summary>
    private async Task StageEventsForAsync(Lianhu.Web.Features.Demo.DemoAccount station)
    {
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(workstation, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "推送目标测试", divisionCode = workstation.Agency.Division.Value })).Content.ReadFromJsonAsync<JsonElement>();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{created.GetProperty("id").GetGuid()}/assessments", TaskApiTests<TFactory>.DashHigh)).EnsureSuccessStatusCode();
    }

    private sealed class Receiver : HttpMessageHandler
    {
        public ConcurrentQueue<Uri> Requests { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Enqueue(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}

public sealed class WebhookTargetTests_Sqlite(SqliteFactory factory) : WebhookTargetTests<SqliteFactory>(factory);

public sealed class WebhookTargetTests_Postgres(PostgresFactory factory) : WebhookTargetTests<PostgresFactory>(factory), IPostgresTests;
