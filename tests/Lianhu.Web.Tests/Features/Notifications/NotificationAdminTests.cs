using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Notifications;

/// <summary>Administrators keep the addresses notifications go to and see, within their division, what was delivered, what failed, and retry it.</summary>
public abstract class NotificationAdminTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount CityAdmin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    private DemoAccount OtherDistrictAdmin => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440304" && a.Role == Role.Sysadmin);

    [ProviderFact]
    public async Task DemoAgencies_HaveDutyAddresses_AndAnAdminSetsOrClearsOne_Validated_WithinTheirDivision()
    {
        var court = factory.Account(AgencyType.Court, "440306", Role.Caseworker).Agency;
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies?divisionCode=440306");
        listed.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == court.Id).GetProperty("dutyEmail").GetString().ShouldBe($"duty@{court.Id:N}.demo.lianhu.invalid");

        var bad = await admin.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = "Court <court@example.cn>" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("dutyEmail")[0].GetString()!.ShouldContain("e-mail");

        var set = await admin.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = " duty@court.example.cn " });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dutyEmail").GetString().ShouldBe("duty@court.example.cn");
        var cleared = await admin.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = "" });
        (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dutyEmail").ValueKind.ShouldBe(JsonValueKind.Null);
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = $"duty@{court.Id:N}.demo.lianhu.invalid" })).EnsureSuccessStatusCode();

        using var outsider = await factory.ClientAsAsync(OtherDistrictAdmin, "en");
        (await outsider.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = "x@example.cn" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var caseworker = await factory.ClientAsAsync(factory.Account(AgencyType.Court, "440306", Role.Caseworker));
        (await caseworker.PutAsJsonAsync($"/api/v1/agencies/{court.Id}/duty-email", new { dutyEmail = "x@example.cn" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ProviderFact]
    public async Task AnAdminGivesAStaffMemberAnEmail_AtCreationOrLater_Validated()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var agencyId = factory.Account(AgencyType.Court, "440305", Role.Caseworker).Agency.Id;
        var username = $"mail-{Guid.NewGuid():N}"[..16];
        var bad = await admin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "法官 乙", agencyId, roles = new[] { "caseworker" }, password = "Str0ng-Passw0rd!", email = "no-at-sign" });
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("email").GetArrayLength().ShouldBe(1);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "法官 乙", agencyId, roles = new[] { "caseworker" }, password = "Str0ng-Passw0rd!", email = "judge@court.example.cn" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await admin.PutAsJsonAsync($"/api/v1/users/{id}/email", new { email = "a@b" + new string('c', 260) })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}/email", new { email = "judge.b@court.example.cn" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var user = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?agencyId={agencyId}")).EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == id);
        user.GetProperty("email").GetString().ShouldBe("judge.b@court.example.cn");

        using var outsider = await factory.ClientAsAsync(OtherDistrictAdmin, "en");
        (await outsider.PutAsJsonAsync($"/api/v1/users/{id}/email", new { email = "x@example.cn" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task AFailedWebhook_ShowsAsFailedWithItsError_AndRetryNowMakesItDue_InTheAdminsDivision()
    {
        var (station, caseId) = await FailedWebhookAsync(factory);
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var failed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=webhook&status=failed")).EnumerateArray()
            .Where(e => e.GetProperty("agencyId").GetGuid() == station.Id).ToList();
        failed.ShouldNotBeEmpty();
        var row = failed[0];
        (row.GetProperty("lastError").GetString(), row.GetProperty("attempts").GetInt32(), row.GetProperty("retryable").GetBoolean()).ShouldBe(("http-503", 1, true));
        row.GetProperty("agencyName").GetString().ShouldBe(station.Name);
        var id = row.GetProperty("id").GetGuid();

        var before = DateTimeOffset.UtcNow;
        (await admin.PostAsync($"/api/v1/admin/notifications/webhook/{id}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=webhook")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == id);
        after.GetProperty("nextAttemptAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow);
        after.GetProperty("nextAttemptAt").GetDateTimeOffset().ShouldBeGreaterThan(before.AddSeconds(-5));

        var inApp = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=in-app&status=unread")).EnumerateArray()
            .Where(e => e.GetProperty("caseId").GetGuid() == caseId).ToList();
        inApp.ShouldContain(e => e.GetProperty("agencyId").GetGuid() == station.Id, "the station's task waits unread in its inbox");

        using var outsider = await factory.ClientAsAsync(OtherDistrictAdmin, "en");
        (await outsider.PostAsync($"/api/v1/admin/notifications/webhook/{id}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications")).EnumerateArray().ShouldNotContain(e => e.GetProperty("agencyId").GetGuid() == station.Id);
    }

    [ProviderFact]
    public async Task UnknownChannelOrStatus_IsA400_AndOnlyAdministratorsSeeDeliveries()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var channel = await admin.GetAsync("/api/v1/admin/notifications?channel=fax");
        channel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await channel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("channel")[0].GetString()!.ShouldContain("webhook");
        var status = await admin.GetAsync("/api/v1/admin/notifications?channel=in-app&status=dead");
        (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString()!.ShouldContain("unread");
        (await admin.PostAsync($"/api/v1/admin/notifications/in-app/{Guid.NewGuid()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var supervisor = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Supervisor));
        (await supervisor.GetAsync("/api/v1/admin/notifications")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await supervisor.PostAsync($"/api/v1/admin/notifications/webhook/{Guid.NewGuid()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>
    /// Gives a Bao'an police station a webhook whose receiver answers 503, routes a case to it and
    /// runs one delivery sweep, so its events fail once. Shared with the browser journey.
    /// </summary>
    internal static async Task<(DemoAgency Station, Guid CaseId)> FailedWebhookAsync(LianhuFactory factory)
    {
        var stationAccount = factory.Account(AgencyType.PoliceStation, "440306");
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(stationAccount.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin), "en");
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{stationAccount.Agency.Id}/webhook", new { url = "https://receiver.example/hook", secret = "s3cret-webhook-key-for-tests" })).EnsureSuccessStatusCode();

        using var lead = await factory.ClientAsAsync(workstation, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "投递状态测试", divisionCode = workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", TaskApiTests<SqliteFactory>.DashHigh)).EnsureSuccessStatusCode();

        await SweepWebhooksAsync(factory, HttpStatusCode.ServiceUnavailable);
        return (stationAccount.Agency, caseId);
    }

    /// <summary>One webhook delivery sweep on a node whose receivers all answer <paramref name="answer"/>; returns how many were delivered.</summary>
    internal static async Task<int> SweepWebhooksAsync(LianhuFactory factory, HttpStatusCode answer)
    {
        using var node = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddHttpClient(WebhookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(() => new Receiver(answer))));
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().SweepAsync(CancellationToken.None);
    }

    private sealed class Receiver(HttpStatusCode answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answer));
    }
}

public sealed class NotificationAdminTests_Sqlite(SqliteFactory factory) : NotificationAdminTests<SqliteFactory>(factory);

public sealed class NotificationAdminTests_Postgres(PostgresFactory factory) : NotificationAdminTests<PostgresFactory>(factory), IPostgresTests;
