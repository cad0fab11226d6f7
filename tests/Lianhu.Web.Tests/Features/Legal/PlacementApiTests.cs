using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>Emergency placements, shelter stays and the minors' green channel as clocks, on each database.</summary>
public abstract class PlacementApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private async Task<(HttpClient Lead, Guid Case)> CaseAsync()
    {
        var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        return (lead, await OpenCaseAsync(lead, Community(factory)));
    }

    [ProviderFact]
    public async Task CommunityPlacement_EndingInAShelter_StartsAShelterStay_AndTheFilingCompletesIt()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var now = factory.Clock.GetUtcNow();

        var missing = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "tent" }), HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("community-placement");
        missing.GetProperty("errors").GetProperty("location")[0].GetString().ShouldBe("This field is required.");

        var placement = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "community-placement", location = "社区工作站值班室" }), HttpStatusCode.Created);
        var community = ClockOf(placement, "community-placement");
        community.GetProperty("due").GetDateTimeOffset().ShouldBe(now.AddHours(24));

        var noShelter = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{placement.GetProperty("id").GetGuid()}/end", new { outcome = "shelter" }), HttpStatusCode.BadRequest);
        noShelter.GetProperty("errors").GetProperty("shelterLocation")[0].GetString().ShouldBe("This field is required.");
        var stay = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{placement.GetProperty("id").GetGuid()}/end", new { outcome = "shelter", shelterLocation = "市救助管理站反家暴庇护所" }));
        stay.GetProperty("kind").GetString().ShouldBe("shelter-stay");
        stay.GetProperty("previousId").GetGuid().ShouldBe(placement.GetProperty("id").GetGuid());
        ClockOf(stay, "shelter-stay").GetProperty("lastDay").GetString().ShouldBe(Day(ShanghaiTime.DayOf(now).AddDays(10)));
        (await ClockTestHosts.ClockAsync(factory.Services, community.GetProperty("id").GetGuid())).State.ShouldBe(ClockState.Completed);

        var filed = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/civil-affairs-filing", new { reference = "宝民报〔2026〕12号" }));
        ClockOf(filed, "shelter-stay").GetProperty("state").GetString().ShouldBe("completed");
        (await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/civil-affairs-filing", new { reference = "again" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("placement.already-filed");

        using var stranger = await factory.ClientAsAsync(Stranger(factory));
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "shelter-stay", location = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/end", new { outcome = "home" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/civil-affairs-filing", new { reference = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var legal = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/legal");
        legal.GetProperty("placements").GetArrayLength().ShouldBe(2);

        // The shelter's address is sealed at rest.
        var stored = await ClockTestHosts.QueryAsync(factory.Services, db => db.Database.SqlQueryRaw<string>("SELECT \"Location\" AS \"Value\" FROM shelter_stays").ToListAsync());
        stored.ShouldAllBe(v => v.StartsWith("v1:", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task AShelterStayPastTenDays_WithoutFiling_IsABreach_Escalated()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var stay = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/placements", new { kind = "shelter-stay", location = "区庇护站" }), HttpStatusCode.Created);
        var clockId = ClockOf(stay, "shelter-stay").GetProperty("id").GetGuid();

        factory.Clock.Advance(TimeSpan.FromDays(12));
        await ClockTestHosts.SweepAsync(factory.Services);

        (await ClockTestHosts.ClockAsync(factory.Services, clockId)).State.ShouldBe(ClockState.Breached);
        (await ClockTestHosts.BreachesAsync(factory.Services, clockId)).ShouldBe(1);

        // Filing late is still recorded; the breach stands.
        var filed = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/placements/{stay.GetProperty("id").GetGuid()}/civil-affairs-filing", new { reference = "补报" }));
        filed.GetProperty("civilAffairsFiledAt").ValueKind.ShouldBe(JsonValueKind.String);
        ClockOf(filed, "shelter-stay").GetProperty("state").GetString().ShouldBe("breached");
    }

    [ProviderFact]
    public async Task MinorGreenChannel_StartsOnce()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var first = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/minor-green-channel", new { }), HttpStatusCode.Created);
        first.GetProperty("rule").GetString().ShouldBe("minor-green-channel");
        first.GetProperty("due").GetDateTimeOffset().ShouldBe(factory.Clock.GetUtcNow().AddHours(24));

        var again = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/minor-green-channel", new { }));
        again.GetProperty("id").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());

        using var stranger = await factory.ClientAsAsync(Stranger(factory));
        (await stranger.PostAsJsonAsync($"/api/v1/cases/{caseId}/minor-green-channel", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task ACaseNotFrom110_GetsNoReturnVisitClock()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks")).GetArrayLength().ShouldBe(0);
    }
}

public sealed class PlacementApiTests_Sqlite(ClockSqliteFactory factory) : PlacementApiTests<ClockSqliteFactory>(factory);

public sealed class PlacementApiTests_Postgres(ClockPostgresFactory factory) : PlacementApiTests<ClockPostgresFactory>(factory), IPostgresTests;
