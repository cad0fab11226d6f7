using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Hosting;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Security;

/// <summary>
/// The authorization matrix, generated from the permission table (config/policies/section-permissions.json):
/// for every demo role in every relation to a case that can be set up today (lead, supervising centre,
/// supervising bureau, task holder, emergency access, unrelated) and every case endpoint, the outcome
/// the table implies. A failure names the cell. The relation "reporter" joins when mandatory reports exist.
/// </summary>
public abstract class AuthorizationMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private readonly SectionPolicy policy = SectionPolicy.Load(Path.Combine(LianhuPaths.Config, "policies", "section-permissions.json"));

    [ProviderFact]
    public async Task EveryRoleInEveryRelation_GetsExactlyWhatTheTableSays()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var community = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal)).Division.Value;
        using var owner = await factory.ClientAsAsync(station);
        var created = await (await owner.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary = "矩阵测试", divisionCode = community })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;

        var emergency = factory.Account(AgencyType.PoliceStation, "440304");
        using (var glass = await factory.ClientAsAsync(emergency))
        {
            (await glass.PostAsJsonAsync("/api/v1/break-glass", new { caseNumber = number, reason = "matrix test emergency access" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var route = await factory.ClientAsAsync(station))
        {
            // A need routes one task to the district legal aid centre: it becomes a task holder.
            (await route.PostAsJsonAsync($"/api/v1/cases/{id}/routing", new { needs = new[] { "legal-aid" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var actors = new List<(DemoAccount Account, CaseRelation Relation, string Why)>();
        actors.AddRange(AllRoles(a => a.Agency.Id == station.Agency.Id).Select(a => (a, CaseRelation.Lead, "lead police station")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440306").Select(a => (a, CaseRelation.Supervising, "district linkage centre")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440300").Select(a => (a, CaseRelation.Supervising, "city linkage centre")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.PoliceBureau && a.Agency.Division.Value == "440300").Select(a => (a, CaseRelation.Supervising, "city police bureau (own line)")));
        actors.Add((emergency, CaseRelation.BreakGlass, "police station with emergency access"));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.LegalAidCentre && a.Agency.Division.Value == "440306").Select(a => (a, CaseRelation.TaskHolder, "district legal aid centre holding a task")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == "440304").Select(a => (a, CaseRelation.Unrelated, "other district's linkage centre")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.Court && a.Agency.Division.Value == "440306").Select(a => (a, CaseRelation.Unrelated, "court, no task")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.School && a.Agency.Division.Value.StartsWith("440306", StringComparison.Ordinal)).Select(a => (a, CaseRelation.Unrelated, "school, not the reporter")));
        actors.AddRange(AllRoles(a => a.Agency.Type == AgencyType.WomensFederation && a.Agency.Division.Value == "440300").Select(a => (a, CaseRelation.Unrelated, "city women's federation (other line)")));

        var failures = new List<string>();
        foreach (var (account, relation, why) in actors)
        {
            var grants = policy.Grants([account.Role], relation);
            var visible = relation != CaseRelation.Unrelated && (grants.Count > 0 || (relation == CaseRelation.Lead && account.Role == Role.Reporter));
            var cell = $"{StableName.Of(account.Role)} × {StableName.Of(relation)} ({why}, {account.Username})";
            using var client = await factory.ClientAsAsync(account);

            var read = await client.GetAsync($"/api/v1/cases/{id}");
            if (read.StatusCode != (visible ? HttpStatusCode.OK : HttpStatusCode.NotFound))
            {
                failures.Add($"{cell}: GET case → {(int)read.StatusCode}, table says {(visible ? 200 : 404)}");
            }
            else if (visible)
            {
                var body = await read.Content.ReadFromJsonAsync<JsonElement>();
                var access = body.GetProperty("access").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
                var expected = grants.ToDictionary(g => StableName.Of(g.Key), g => (string?)StableName.Of(g.Value));
                if (!access.OrderBy(p => p.Key).SequenceEqual(expected.OrderBy(p => p.Key)))
                {
                    failures.Add($"{cell}: access {string.Join(",", access)} ≠ table {string.Join(",", expected)}");
                }

                if (body.GetProperty("relation").GetString() != StableName.Of(relation))
                {
                    failures.Add($"{cell}: relation {body.GetProperty("relation").GetString()}");
                }

                var summaryShown = body.GetProperty("summary").ValueKind == JsonValueKind.String;
                if (summaryShown != grants.ContainsKey(CaseSection.Incident))
                {
                    failures.Add($"{cell}: incident summary {(summaryShown ? "shown" : "hidden")} against the table");
                }
            }

            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100");
            var listed = list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id);
            if (listed != visible)
            {
                failures.Add($"{cell}: list {(listed ? "shows" : "hides")} the case, table says {(visible ? "show" : "hide")}");
            }

            var risk = await client.GetAsync($"/api/v1/cases/{id}/assessments");
            var readsRisk = visible && grants.ContainsKey(CaseSection.Risk);
            // In scope without the section: 403 naming why; out of scope: 404 (ADR 0027).
            var riskExpected = readsRisk ? HttpStatusCode.OK : visible ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            if (risk.StatusCode != riskExpected)
            {
                failures.Add($"{cell}: GET assessments (risk section) → {(int)risk.StatusCode}, table says {(int)riskExpected}");
            }

            var viewers = await client.GetAsync($"/api/v1/cases/{id}/viewers");
            var mayAudit = visible && ((relation == CaseRelation.Lead && account.Role == Role.Supervisor)
                || (account.Agency.Type == AgencyType.LinkageCentre && relation == CaseRelation.Supervising && account.Role is Role.Caseworker or Role.Supervisor));
            var viewersExpected = mayAudit ? HttpStatusCode.OK : visible ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            if (viewers.StatusCode != viewersExpected)
            {
                failures.Add($"{cell}: GET viewers → {(int)viewers.StatusCode}, expected {(int)viewersExpected}");
            }
        }

        actors.Count.ShouldBeGreaterThan(20);
        failures.ShouldBeEmpty();
    }

    private IEnumerable<DemoAccount> AllRoles(Func<DemoAccount, bool> agency) => factory.City.Accounts.Where(agency);
}

public sealed class AuthorizationMatrixTests_Sqlite(SqliteFactory factory) : AuthorizationMatrixTests<SqliteFactory>(factory);

public sealed class AuthorizationMatrixTests_Postgres(PostgresFactory factory) : AuthorizationMatrixTests<PostgresFactory>(factory), IPostgresTests;
