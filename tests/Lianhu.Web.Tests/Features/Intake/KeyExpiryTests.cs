using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>An Idempotency-Key is remembered for <c>Lianhu:Intake:IdempotencyHours</c> (24 h), then it is free again.</summary>
public abstract class KeyExpiryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    [ProviderFact]
    public async Task WithinTheDay_TheKeyReplays_AfterItTheSameKeyOpensANewCase()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation());
        var key = Guid.NewGuid().ToString();
        var body = new { channel = "police-110", summary = "键过期测试 " + key[..8], divisionCode = factory.CommunityOf(factory.PoliceStation()) };

        var first = await client.IntakeAsync(body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).Id();

        factory.Clock.Advance(TimeSpan.FromHours(23));
        var replay = await client.IntakeAsync(body, key);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).Id().ShouldBe(firstId);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var later = await client.IntakeAsync(body, key);
        later.StatusCode.ShouldBe(HttpStatusCode.Created);
        var laterId = (await later.Content.ReadFromJsonAsync<JsonElement>()).Id();
        laterId.ShouldNotBe(firstId);

        // …and the fresh record is remembered in turn.
        (await (await client.IntakeAsync(body, key)).Content.ReadFromJsonAsync<JsonElement>()).Id().ShouldBe(laterId);
    }
}

public sealed class KeyExpiryTests_Sqlite(ClockSqliteFactory factory) : KeyExpiryTests<ClockSqliteFactory>(factory);

public sealed class KeyExpiryTests_Postgres(ClockPostgresFactory factory) : KeyExpiryTests<ClockPostgresFactory>(factory), IPostgresTests;
