using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Alarms;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Features.Alarms;

/// <summary>A host whose clock the test moves, scans run by hand, alarm links not rate-limited (the tests share one address).</summary>
public sealed class AlarmSqliteFactory : SqliteFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. ClockTestHosts.ManualScans, new("Lianhu:Alarms:RequestsPerMinute", "100000")];
}

public sealed class AlarmPostgresFactory : PostgresFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. ClockTestHosts.ManualScans, new("Lianhu:Alarms:RequestsPerMinute", "100000")];
}

/// <summary>Cases, enrolments and her page, as the alarm tests use them.</summary>
internal static class AlarmSteps
{
    /// <summary>A case in the workstation's community assessed with <paramref name="yes"/> DASH items (11 → medium, 16 → high, 3 → low); null = not assessed.</summary>
    public static async Task<Guid> AssessedCaseAsync(this LianhuFactory factory, HttpClient lead, int? yes)
    {
        var id = await factory.OpenCaseAsync(lead, "hotline", "一键报警测试");
        if (yes is { } count)
        {
            (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, count) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        return id;
    }

    public static async Task<string> EnrolAsync(HttpClient lead, Guid caseId)
    {
        var response = await lead.PostAsync($"/api/v1/cases/{caseId}/alarm/enrolment", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var path = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;
        path.ShouldStartWith("/a/");
        return path;
    }

    /// <summary>Her phone's browser: keeps cookies, does not follow redirects (so a press's redirect is seen).</summary>
    public static HttpClient Phone(this LianhuFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static Task<HttpResponseMessage> SetPinAsync(HttpClient phone, string path, string pin, string? again = null) =>
        phone.PostAsync(path + "/pin", new FormUrlEncodedContent([new("pin", pin), new("pin2", again ?? pin)]));

    public static Task<HttpResponseMessage> PressAsync(HttpClient phone, string path, string? pin = null, string? press = null, bool remember = false, (double Lat, double Lng)? at = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("press", press ?? Guid.NewGuid().ToString("N")) };
        if (pin is not null)
        {
            fields.Add(new("pin", pin));
        }

        if (remember)
        {
            fields.Add(new("remember", "on"));
        }

        if (at is { } where)
        {
            fields.Add(new("lat", where.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("lng", where.Lng.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            fields.Add(new("acc", "25"));
        }

        return phone.PostAsync(path + "/press", new FormUrlEncodedContent(fields));
    }

    public static async Task<JsonElement> AlarmsAsync(HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}/alarms");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<int> EscalateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertEscalation>().RunOnceAsync();
    }

    public static DemoAgency DistrictCentre(this LianhuFactory factory) => factory.City.Agencies.Single(a => a.Type == AgencyType.LinkageCentre && a.Division.Value == "440306");
}
