using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>Small helpers for intake tests: who is who in the demo city, and the calls they make.</summary>
internal static class IntakeCalls
{
    public const string Baoan = "440306";
    public const string Futian = "440304";

    public static DemoAccount PoliceStation(this LianhuFactory factory, string district = Baoan) => factory.Account(AgencyType.PoliceStation, district);

    /// <summary>A community inside the police station's town.</summary>
    public static string CommunityOf(this LianhuFactory factory, DemoAccount station) =>
        factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;

    public static DemoAccount DistrictCentre(this LianhuFactory factory, string district = Baoan) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == district && a.Role == Role.Caseworker);

    public static async Task<HttpResponseMessage> IntakeAsync(this HttpClient client, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> OpenAsync(this HttpClient client, object body)
    {
        var response = await client.IntakeAsync(body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static Guid Id(this JsonElement json) => json.GetProperty("id").GetGuid();

    public static async Task<JsonElement> JsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Error(this JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
