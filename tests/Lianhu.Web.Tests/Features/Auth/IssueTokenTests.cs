using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Auth;

/// <summary>The token endpoint: the documented response shape, refusals, lockout.</summary>
public abstract class IssueTokenTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task ValidCredentials_ReturnABearerToken_ThatOpensTheApi()
    {
        var account = factory.Account(AgencyType.PoliceStation, "440304");
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = LianhuFactory.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt64().ShouldBe(3600);
        var token = body.GetProperty("access_token").GetString();
        token.ShouldNotBeNullOrWhiteSpace();

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task WrongPasswordOrUnknownUser_Are401_WithTheSameMessage()
    {
        var account = factory.Account(AgencyType.Court, "440305");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = "Not-the-password-1" });
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody.at.all", password = "Not-the-password-1" });

        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        a.GetProperty("detail").GetString().ShouldBe("Wrong username or password.");
        b.GetProperty("detail").GetString().ShouldBe(a.GetProperty("detail").GetString());
    }

    [ProviderFact]
    public async Task MissingFields_AreA400NamingThem()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("username", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();
    }

    [ProviderFact]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword()
    {
        var account = factory.Account(AgencyType.Hospital, "440304", Role.Caseworker);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = $"Wrong-password-{i}" });
        }

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = LianhuFactory.Password });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("locked");
    }

    [ProviderFact]
    public async Task AGarbledToken_IsRefused()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class IssueTokenTests_Sqlite(SqliteFactory factory) : IssueTokenTests<SqliteFactory>(factory);

public sealed class IssueTokenTests_Postgres(PostgresFactory factory) : IssueTokenTests<PostgresFactory>(factory), IPostgresTests;
