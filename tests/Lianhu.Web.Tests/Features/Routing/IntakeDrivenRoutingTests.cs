using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>Routing reads the intake: a minor victim brings in the education line, recorded needs the six centres.</summary>
public abstract class IntakeDrivenRoutingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task AMinorVictimWithShelterAndLegalAidNeeds_IsRoutedToThoseAgencies()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var client = await factory.ClientAsAsync(worker);
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new
        {
            channel = "walk-in",
            summary = "继父殴打未成年人",
            divisionCode = worker.Agency.Division.Value,
            parties = new object[]
            {
                new { role = "victim", name = "李小雨", birthDate = "2014-05-01", sex = "female" },
                new { role = "respondent", name = "赵强", birthDate = "1980-01-01", sex = "male" },
            },
            needs = new[] { "shelter", "legal-aid" },
            violenceForms = new[] { "physical" },
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/clocks")).EnumerateArray()
            .Count(c => c.GetProperty("rule").GetString() == "minor-green-channel").ShouldBe(1, "a minor victim enters the green channel at intake");

        (await client.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 11) })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var types = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().Select(t => t.GetProperty("agencyType").GetString()).ToList();
        types.ShouldContain("education-bureau");
        types.ShouldContain("shelter");
        types.ShouldContain("legal-aid-centre");
        types.ShouldNotContain("civil-affairs");
    }
}

public sealed class IntakeDrivenRoutingTests_Sqlite(SqliteFactory factory) : IntakeDrivenRoutingTests<SqliteFactory>(factory);

public sealed class IntakeDrivenRoutingTests_Postgres(PostgresFactory factory) : IntakeDrivenRoutingTests<PostgresFactory>(factory), IPostgresTests;
