using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Steps;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Lianhu.Web.Tests.Steps;

/// <summary>
/// The authorization matrix generated from the route table, not hand-listed: every API endpoint that
/// declares a step on a case (<see cref="CaseStep"/>) × callers in every relation — lead, supervising
/// centre, task holder, a consented body limited to one section, an emergency reader, an unrelated
/// agency, and roles that never see case content. What each may do follows from the grants the case
/// itself reports to them and the step's declaration: a step the grants do not cover answers 403
/// with no content, a case out of scope 404, a covered read answers. (Covered writes are left to the
/// feature tests: sending them here would change the case under the matrix.)
/// </summary>
public abstract class StepMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string VictimName = "矩阵秀英";

    [ProviderFact]
    public async Task EveryDeclaredStep_ForEveryCaller_AnswersAsItsGrantsSay()
    {
        var lead = factory.Workstation();
        using var leadClient = await factory.ClientAsAsync(lead, "en");
        var opened = await leadClient.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "hotline",
            summary = "矩阵：丈夫殴打",
            divisionCode = lead.Agency.Division.Value,
            address = "矩阵路 1 号",
            parties = new object[] { new { role = "victim", name = VictimName, phone = "13900139000" } },
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        (await leadClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "legal-aid", "counselling" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await leadClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/consents", new
        {
            basis = "consent",
            givenBy = "victim",
            method = "written",
            agencyId = factory.BaoanAgency(AgencyType.CounsellingCentre).Id,
            sections = new[] { "counselling" },
            expiresAt = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var emergency = factory.Account(AgencyType.PoliceStation, "440304");
        using (var glass = await factory.ClientAsAsync(emergency))
        {
            (await glass.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = created.GetProperty("number").GetString(), reason = "矩阵测试：核实受害人住址安全" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var callers = new List<(string Why, DemoAccount Account)>
        {
            ("lead", lead),
            ("supervising centre", factory.CentreAt("440306")),
            ("task holder", factory.BaoanStaff(AgencyType.LegalAidCentre)),
            ("consented for counselling only", factory.BaoanStaff(AgencyType.CounsellingCentre)),
            ("emergency reader", emergency),
            ("unrelated centre", factory.CentreAt("440304")),
        };
        callers.AddRange(factory.City.Accounts.Where(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440306" && a.Role is Role.Statistician or Role.Auditor or Role.Sysadmin)
            .Select(a => ($"{a.Role} (no case content)", a)));

        _ = factory.CreateClient();
        var steps = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<CaseStep>() is { Ref: CaseRef.Case } && e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(e => (Step: e.Metadata.GetMetadata<CaseStep>()!, Method: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods[0], Route: e.RoutePattern.RawText!))
            .ToList();
        steps.Count.ShouldBeGreaterThan(25);

        var failures = new List<string>();
        var cells = 0;
        foreach (var (why, account) in callers)
        {
            using var client = await factory.ClientAsAsync(account, "en");
            var read = await client.GetAsync($"/api/v1/cases/{caseId}");
            JsonElement? seen = read.StatusCode == HttpStatusCode.OK ? await read.Content.ReadFromJsonAsync<JsonElement>() : null;
            var grants = seen?.GetProperty("access").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var relation = seen?.GetProperty("relation").GetString();
            foreach (var (step, method, route) in steps)
            {
                var expected = Expect(step, grants, relation, account);
                if (expected == Outcome.CoveredWrite)
                {
                    continue;
                }

                cells++;
                var url = Url(route, step, caseId);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method != "GET")
                {
                    request.Content = JsonContent.Create(new { });
                    request.Headers.IfMatch.ParseAdd("\"1\"");
                }

                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var cell = $"{why} ({account.Username}) × {method} {route} [{step.Name}]";
                switch (expected)
                {
                    case Outcome.OutOfScope when response.StatusCode != HttpStatusCode.NotFound:
                    case Outcome.Refused when response.StatusCode != HttpStatusCode.Forbidden:
                        failures.Add($"{cell}: {(int)response.StatusCode}, expected {(expected == Outcome.OutOfScope ? 404 : 403)}");
                        break;
                    case Outcome.CoveredRead when response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.InternalServerError
                        || (response.StatusCode == HttpStatusCode.NotFound && !route.Contains("Id:guid}", StringComparison.Ordinal)):
                        failures.Add($"{cell}: {(int)response.StatusCode}, expected an answer");
                        break;
                }

                if (expected != Outcome.CoveredRead && body.Contains(VictimName, StringComparison.Ordinal))
                {
                    failures.Add($"{cell}: refused but the answer names the victim");
                }
            }
        }

        cells.ShouldBeGreaterThan(100);
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private enum Outcome
    {
        OutOfScope,
        Refused,
        CoveredRead,
        CoveredWrite,
    }

    /// <summary>The expected outcome from the grants the case reports to the caller and the step's declaration (ADR 0027).</summary>
    private static Outcome Expect(CaseStep step, Dictionary<string, string>? grants, string? relation, DemoAccount account)
    {
        if (grants is null)
        {
            return Outcome.OutOfScope;
        }

        var needed = step.Action == StepAction.Write ? "write" : "read";
        bool Covers(string? access) => access == "write" || (access == "read" && needed == "read");
        var covered = step.Section is { } section ? Covers(grants.GetValueOrDefault(Lianhu.Domain.Common.StableName.Of(section))) : grants.Values.Any(Covers);
        if (step.Action == StepAction.Write && relation == "break-glass")
        {
            covered = false;
        }

        var supervisingCentre = relation == "supervising" && account.Agency.Type == AgencyType.LinkageCentre;
        covered &= step.Standing switch
        {
            StepStanding.Reviewer => (relation == "lead" && account.Role == Role.Supervisor) || supervisingCentre,
            StepStanding.ConsentReader => relation is "lead" or "supervising" or "task-holder",
            StepStanding.ConsentManager => relation is "lead" or "supervising",
            StepStanding.LeadHandler => relation == "lead" && account.Role is Role.Caseworker or Role.Supervisor,
            _ => true,
        };

        return !covered ? Outcome.Refused : step.Action == StepAction.Write ? Outcome.CoveredWrite : Outcome.CoveredRead;
    }

    /// <summary>The case id where the step's route names it; any other id a fresh one (the step is judged before it is looked up).</summary>
    private static string Url(string route, CaseStep step, Guid caseId)
    {
        var url = route.Replace("{" + step.Route + ":guid}", caseId.ToString(), StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(url, @"\{[A-Za-z]+:guid\}", _ => Guid.NewGuid().ToString());
    }
}

public sealed class StepMatrixTests_Sqlite(SqliteFactory factory) : StepMatrixTests<SqliteFactory>(factory);

public sealed class StepMatrixTests_Postgres(PostgresFactory factory) : StepMatrixTests<PostgresFactory>(factory), IPostgresTests;
