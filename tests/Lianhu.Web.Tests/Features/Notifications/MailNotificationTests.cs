using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Notifications;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Features.Notifications;

/// <summary>
/// Notification mail over real SMTP (a local sink) on each database: staged with the change,
/// sent to the agency's duty address with ids and a link only, retried until the server is back,
/// never twice, and dead after the last allowed attempt until an administrator retries it.
/// </summary>
public abstract class MailNotificationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IMailFactory
{
    private const string VictimName = "王小红";
    private const string VictimPhone = "13912345678";
    private const string Address = "宝安区新安街道海滨花园 7 栋 502";
    private const string Summary = "丈夫多次殴打，昨晚持刀威胁";

    private DemoAccount Station => factory.Account(AgencyType.PoliceStation, "440306");

    private DemoAccount Admin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    [ProviderFact]
    public async Task ARoutedTask_MailsTheReceivingAgencysDutyAddress_WithIdsAndALink_ButNoNamePhoneOrAddress()
    {
        var (caseId, number) = await OpenRoutedCaseAsync();
        (await SweepAsync()).ShouldBeGreaterThan(0);

        var mails = await MailsOfCaseAsync(caseId);
        var toStation = mails.Single(m => m.GetProperty("agencyId").GetGuid() == Station.Agency.Id && m.GetProperty("kind").GetString() == "task.new");
        toStation.GetProperty("status").GetString().ShouldBe("sent");
        toStation.GetProperty("attempts").GetInt32().ShouldBe(1);

        var message = factory.Sink.Messages.Single(m => m.Headers[SmtpMailTransport.IdHeader] == toStation.GetProperty("id").GetGuid().ToString());
        message.To.ShouldBe([Station.Agency.DutyEmail]);
        message.From.ShouldBe("noreply@lianhu.test");
        message.Subject.ShouldContain(number);
        message.Subject.ShouldContain("联护");
        message.Body.ShouldContain(caseId.ToString());
        message.Body.ShouldContain("https://lianhu.test/inbox");
        foreach (var text in new[] { message.Subject, message.Body, message.Raw })
        {
            foreach (var secret in new[] { VictimName, VictimPhone, Address, Summary, "海滨花园" })
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    [ProviderFact]
    public async Task ASinkThatWasDown_GetsEveryMailExactlyOnce_WhenItIsBack_EvenWithTwoSendersAtOnce()
    {
        await SweepAsync(); // mails other tests of this class left queued go out first: the counts below are this test's own
        factory.Sink.Down = true;
        try
        {
            var (caseId, _) = await OpenRoutedCaseAsync();
            (await SweepAsync()).ShouldBe(0);
            var failed = await MailsOfCaseAsync(caseId);
            failed.Count.ShouldBeGreaterThanOrEqualTo(2);
            failed.ShouldAllBe(m => m.GetProperty("status").GetString() == "failed" && m.GetProperty("attempts").GetInt32() == 1);
            failed.ShouldAllBe(m => m.GetProperty("lastError").GetString()!.StartsWith("smtp-", StringComparison.Ordinal));

            factory.Sink.Down = false;
            var sent = await Task.WhenAll(SweepAsync(), SweepAsync());
            sent.Sum().ShouldBe(failed.Count);
            (await SweepAsync()).ShouldBe(0);

            var ids = failed.Select(m => m.GetProperty("id").GetGuid().ToString()).ToList();
            var received = factory.Sink.Messages.Select(m => m.Headers[SmtpMailTransport.IdHeader]).Where(ids.Contains).ToList();
            received.Order().ShouldBe(ids.Order(), "every mail arrives, and none twice");
            (await MailsOfCaseAsync(caseId)).ShouldAllBe(m => m.GetProperty("status").GetString() == "sent");
        }
        finally
        {
            factory.Sink.Down = false;
        }
    }

    [ProviderFact]
    public async Task AMailThatKeepsFailing_IsDeadAfterTheLastAttempt_AndAnAdministratorsRetrySendsIt()
    {
        await SweepAsync(); // mails other tests of this class left queued go out first
        factory.Sink.Down = true;
        Guid caseId;
        try
        {
            (caseId, _) = await OpenRoutedCaseAsync();
            for (var i = 0; i < IMailFactory.MaxAttempts + 1; i++)
            {
                (await SweepAsync()).ShouldBe(0);
            }
        }
        finally
        {
            factory.Sink.Down = false;
        }

        (await SweepAsync()).ShouldBe(0, "a dead mail is not tried again by itself");
        using var admin = await factory.ClientAsAsync(Admin, "en");
        var dead = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=mail&status=dead")).EnumerateArray()
            .Where(m => m.GetProperty("caseId").GetGuid() == caseId).ToList();
        dead.Count.ShouldBe((await MailsOfCaseAsync(caseId)).Count);
        dead.ShouldAllBe(m => m.GetProperty("attempts").GetInt32() == IMailFactory.MaxAttempts && m.GetProperty("retryable").GetBoolean());

        var one = dead[0].GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/admin/notifications/mail/{one}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SweepAsync()).ShouldBe(1);
        factory.Sink.Messages.Count(m => m.Headers[SmtpMailTransport.IdHeader] == one.ToString()).ShouldBe(1);
        var row = (await MailsOfCaseAsync(caseId)).Single(m => m.GetProperty("id").GetGuid() == one);
        (row.GetProperty("status").GetString(), row.GetProperty("attempts").GetInt32()).ShouldBe(("sent", IMailFactory.MaxAttempts + 1));

        var again = await admin.PostAsync($"/api/v1/admin/notifications/mail/{one}/retry", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var otherDistrict = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440304" && a.Role == Role.Sysadmin);
        using var outsider = await factory.ClientAsAsync(otherDistrict, "en");
        (await outsider.PostAsync($"/api/v1/admin/notifications/mail/{dead[1].GetProperty("id").GetGuid()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=mail")).EnumerateArray()
            .ShouldNotContain(m => m.GetProperty("caseId").GetGuid() == caseId);
    }

    [ProviderFact]
    public async Task ABreachedClock_MailsTheAgencyThatOwnedIt_AndTheCentreAbove_WithALinkToTheCase()
    {
        var (caseId, number) = await OpenRoutedCaseAsync();
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(30));
        using var node = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Lianhu:Clocks:Scanner", "false");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(later));
        });
        while ((await ClockTestHosts.SweepAsync(node.Services)).Claimed > 0)
        {
        }

        var sweeps = 0;
        while (await SweepAsync(node.Services) > 0)
        {
            sweeps++;
        }

        sweeps.ShouldBeGreaterThan(0);
        var breached = (await MailsOfCaseAsync(caseId)).Where(m => m.GetProperty("kind").GetString() == "clock.breached").ToList();
        breached.ShouldContain(m => m.GetProperty("agencyId").GetGuid() == Station.Agency.Id, "the station's task clock ran out");
        var townCentre = factory.City.Agencies.Single(a => a.Type == AgencyType.LinkageCentre && a.Division == Station.Agency.Division.Parent);
        breached.ShouldContain(m => m.GetProperty("agencyId").GetGuid() == townCentre.Id, "the district centre above the town station hears of it");
        breached.ShouldAllBe(m => m.GetProperty("status").GetString() == "sent");

        var message = factory.Sink.Messages.Single(m => m.Headers[SmtpMailTransport.IdHeader] == breached[0].GetProperty("id").GetGuid().ToString());
        message.Subject.ShouldContain(number);
        message.Body.ShouldContain($"https://lianhu.test/cases/{caseId}");
    }

    private Task<int> SweepAsync() => SweepAsync(factory.Services);

    private static async Task<int> SweepAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDispatcher>().SweepAsync(CancellationToken.None);
    }

    private async Task<List<JsonElement>> MailsOfCaseAsync(Guid caseId)
    {
        using var admin = await factory.ClientAsAsync(Admin, "en");
        return [.. (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/notifications?channel=mail")).EnumerateArray().Where(m => m.GetProperty("caseId").GetGuid() == caseId)];
    }

    /// <summary>A community workstation opens a case with a named victim, phone and address; a high DASH score routes it (the station gets a task).</summary>
    private async Task<(Guid Id, string Number)> OpenRoutedCaseAsync()
    {
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(Station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(workstation, "en");
        var opened = await lead.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "walk-in",
            summary = Summary,
            divisionCode = workstation.Agency.Division.Value,
            address = Address,
            parties = new object[] { new { role = "victim", name = VictimName, phone = VictimPhone, sex = "female" } },
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<TFactory>.DashHigh)).StatusCode.ShouldBe(HttpStatusCode.Created);
        return (id, body.GetProperty("number").GetString()!);
    }
}

public sealed class MailNotificationTests_Sqlite(MailSqliteFactory factory) : MailNotificationTests<MailSqliteFactory>(factory);

public sealed class MailNotificationTests_Postgres(MailPostgresFactory factory) : MailNotificationTests<MailPostgresFactory>(factory), IPostgresTests;
