using System.Net;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Alarms;

/// <summary>A host whose alarm links allow five requests a minute per address.</summary>
public sealed class AlarmLimitedSqliteFactory : SqliteFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Lianhu:Alarms:RequestsPerMinute", "5")];
}

/// <summary>Guessing links is held off per address: over the limit, an empty 429 page, never stored.</summary>
public sealed class AlarmRateLimitTests(AlarmLimitedSqliteFactory factory) : IClassFixture<AlarmLimitedSqliteFactory>
{
    [ProviderFact]
    public async Task AlarmLinks_AreRateLimitedPerAddress()
    {
        using var phone = factory.Phone();
        for (var i = 0; i < 5; i++)
        {
            (await phone.GetAsync("/a/" + new string((char)('a' + i), 43))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var limited = await phone.GetAsync("/a/" + new string('z', 43));
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await limited.Content.ReadAsStringAsync()).ShouldNotContain("联护");
    }
}
