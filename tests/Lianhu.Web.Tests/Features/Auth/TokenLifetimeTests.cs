using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Features.Auth;

/// <summary>
/// Opened bearer tokens are remembered (Identity.CachedTicketFormat) to spare data protection's
/// work on every call; a remembered token must still expire exactly when it says, and tampering
/// must still be refused.
/// </summary>
public abstract class TokenLifetimeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private async Task<HttpClient> ClientWithTokenAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Task.FromResult(client);
    }

    private async Task<string> TokenAsync()
    {
        using var client = factory.CreateClient();
        var account = factory.Account(AgencyType.PoliceStation, "440304");
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = account.Username, password = LianhuFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    [ProviderFact]
    public async Task ARememberedToken_StillExpiresOnTime()
    {
        var token = await TokenAsync();
        using var client = await ClientWithTokenAsync(token);
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromMinutes(59));
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK); // served from memory

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [ProviderFact]
    public async Task AnAlteredToken_IsRefused_EvenWhenTheOriginalIsRemembered()
    {
        var token = await TokenAsync();
        using (var good = await ClientWithTokenAsync(token))
        {
            (await good.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var bad = await ClientWithTokenAsync(altered);
        (await bad.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

/// <summary>A host whose clock the test moves, with the normal one-hour tokens.</summary>
public sealed class TokenClockSqliteFactory : SqliteFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Clocks:Scanner", "false")];
}

public sealed class TokenClockPostgresFactory : PostgresFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Clocks:Scanner", "false")];
}

public sealed class TokenLifetimeTests_Sqlite(TokenClockSqliteFactory factory) : TokenLifetimeTests<TokenClockSqliteFactory>(factory);

public sealed class TokenLifetimeTests_Postgres(TokenClockPostgresFactory factory) : TokenLifetimeTests<TokenClockPostgresFactory>(factory), IPostgresTests;
