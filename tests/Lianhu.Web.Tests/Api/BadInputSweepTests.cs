using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Api;

/// <summary>
/// "Bad input gets a clear error, never a 500": every API endpoint the host maps, for a lead
/// caseworker, a city centre supervisor and an administrator, with route ids of a real case and its
/// real tasks (so handlers run past their lookups) and of nothing, and bodies that are empty,
/// malformed, of the wrong shape, or valid JSON with every field of the wrong type or absurd.
/// A failure names the endpoint, the caller and the body.
/// </summary>
public abstract class BadInputSweepTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private static readonly string[] Bodies =
    [
        "",
        "{",
        "null",
        "[]",
        "{}",
        "\"text\"",
        """{"summary":5,"channel":[],"divisionCode":{},"parties":"x","needs":7,"reason":false,"outcome":[1],"decisions":"d","sections":{"a":1},"at":"not a time","dueHours":-5,"into":"not-a-guid","version":"one"}""",
        """{"summary":"","channel":"nope","divisionCode":"999999999999","parties":[null,{}],"needs":[null,""],"reason":"","outcome":"","decisions":[{}],"sections":[""],"at":"9999-12-31T23:59:59Z","dueHours":2147483647,"expiresAt":"0001-01-01","attended":[null]}""",
    ];

    [ProviderFact]
    public async Task NoEndpoint_Answers500_ToEmptyMalformedOrMistypedInput()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
        using var lead = await factory.ClientAsAsync(station, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary = "坏输入扫描", divisionCode = community })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        var routed = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "legal-aid", "counselling" } });
        routed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taskIds = (await routed.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();

        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Supervisor), "en");
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin), "zh-CN");
        var callers = new (string Who, HttpClient Client)[] { ("lead caseworker", lead), ("city centre supervisor", centre), ("city administrator", admin) };

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Template: e.RoutePattern.RawText!)))
            .Where(e => !Unsafe(e.Template))
            .Distinct()
            .OrderBy(e => e.Template, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(60, "the sweep must see the API");

        var failures = new List<string>();
        foreach (var (method, template) in endpoints)
        {
            foreach (var path in Paths(template, caseId, taskIds))
            {
                foreach (var (who, client) in callers)
                {
                    foreach (var body in method is "GET" or "DELETE" ? [(string?)null] : Bodies.Cast<string?>())
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), path);
                        if (body is not null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        }

                        request.Headers.IfMatch.ParseAdd("\"1\"");
                        using var response = await client.SendAsync(request);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {path} as {who} with body {body ?? "(none)"} → {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures.Take(40)));
    }

    [ProviderFact]
    public async Task Routing_NamesEachBlankOrUnknownNeed_InTheCallersLanguage()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
        using var lead = await factory.ClientAsAsync(station, "en");
        var caseId = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary = "需求校验", divisionCode = community })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tasksBefore = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).GetArrayLength();

        var problem = await (await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "", "teleport", "social-work" }, violence = new[] { "physical", "x" } })).ProblemAsync();
        problem.Error("needs[0]").ShouldContain("required");
        problem.Error("needs[1]").ShouldContain("social-work");
        problem.Error("violence[1]").ShouldContain("physical");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["needs[0]", "needs[1]", "violence[1]"]);
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/tasks")).GetArrayLength().ShouldBe(tasksBefore, "nothing was routed");
    }

    /// <summary>Endpoints that end the callers' sessions or rotate keys would blind the rest of the sweep.</summary>
    private static bool Unsafe(string template) =>
        template.Contains("/auth/", StringComparison.Ordinal) || template.Contains("/keys", StringComparison.Ordinal);

    /// <summary>The template with real ids where the parameter names a case or task, and with ids of nothing.</summary>
    private static IEnumerable<string> Paths(string template, Guid caseId, IReadOnlyList<Guid> taskIds)
    {
        var real = template;
        var none = template;
        foreach (var parameter in System.Text.RegularExpressions.Regex.Matches(template, @"\{([^}:?]+)(:[^}]+)?\??\}").Select(m => m.Value).Distinct())
        {
            var isGuid = parameter.Contains(":guid", StringComparison.Ordinal);
            var id = template.StartsWith("/api/v1/tasks", StringComparison.Ordinal) ? taskIds[0] : caseId;
            real = real.Replace(parameter, isGuid ? id.ToString() : "440306", StringComparison.Ordinal);
            none = none.Replace(parameter, isGuid ? Guid.NewGuid().ToString() : "%E2%80%8B-not-a-thing", StringComparison.Ordinal);
        }

        return real == none ? [real] : [real, none];
    }
}

public sealed class BadInputSweepTests_Sqlite(SqliteFactory factory) : BadInputSweepTests<SqliteFactory>(factory);

public sealed class BadInputSweepTests_Postgres(PostgresFactory factory) : BadInputSweepTests<PostgresFactory>(factory), IPostgresTests;
