using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Instruments;
using Lianhu.Web.Tests.Cli;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianhu.Web.Tests.Features.Instruments.TestScales;

namespace Lianhu.Web.Tests.Features.Instruments;

/// <summary>Listing, reading, scoring and publishing instruments through the real host, on each database.</summary>
public abstract class InstrumentApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private static readonly string[] Bundled = ["cn-three-level", "danger-assessment", "dash-ric", "odara"];

    private Lianhu.Web.Features.Demo.DemoAccount Caseworker => factory.Account(AgencyType.CommunityWorkstation, "440306");

    private Lianhu.Web.Features.Demo.DemoAccount Admin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    [ProviderFact]
    public async Task List_ShowsTheBundledInstruments_WithNamesAndVersions()
    {
        using var client = await factory.ClientAsAsync(Caseworker);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments");

        var byId = list.EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Bundled.ShouldAllBe(id => byId.ContainsKey(id));
        var dash = byId["dash-ric"];
        dash.GetProperty("name").GetProperty("zh-CN").GetString().ShouldBe("DASH 风险识别清单");
        dash.GetProperty("name").GetProperty("en").GetString().ShouldBe("DASH Risk Identification Checklist");
        dash.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldContain(1);
        dash.GetProperty("latestVersion").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        dash.GetProperty("history")[0].GetProperty("source").GetString().ShouldBe("bundled");
        byId["cn-three-level"].GetProperty("isLocalPolicy").GetBoolean().ShouldBeTrue();
        byId["odara"].GetProperty("isLocalPolicy").GetBoolean().ShouldBeFalse();
    }

    [ProviderFact]
    public async Task GetDefinition_ByVersion_And404ForUnknown()
    {
        using var client = await factory.ClientAsAsync(Caseworker);

        var odara = await DefinitionAsync(client, "odara", 1);
        odara["id"]!.GetValue<string>().ShouldBe("odara");
        odara["version"]!.GetValue<int>().ShouldBe(1);
        odara["items"]!.AsArray().Count.ShouldBe(13);
        (await client.GetAsync("/api/v1/instruments/odara?version=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/instruments/no-such-scale")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Score_GivesExactlyTheCliJson()
    {
        using var client = await factory.ClientAsAsync(Caseworker);
        var body = new { yes = Enumerable.Range(1, 14), judgement = "high", judgementReason = "r", incidents = new[] { "2025-01-01", "2025-03-01", "2025-06-01" }, at = "2025-06-15", version = 1 };

        var response = await client.PostAsJsonAsync("/api/v1/instruments/dash-ric/score", body);
        var cli = await LianhuProcess.RunAsync(
            "score", "dash-ric", "--json", "--version", "1", "--yes", string.Join(',', Enumerable.Range(1, 14)), "--judgement", "high", "--judgement-reason", "r",
            "--incidents", "2025-01-01,2025-03-01,2025-06-01", "--at", "2025-06-15");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        cli.ExitCode.ShouldBe(0, cli.Stderr);
        (await response.Content.ReadAsStringAsync()).ShouldBe(cli.Stdout);
        cli.Stdout.ShouldStartWith("""{"instrument":"dash-ric","version":1,"score":14,"level":"high","referral":true,"criteria":["visible_high_risk","professional_judgement","potential_escalation"]""");
    }

    [ProviderFact]
    public async Task Score_ThirteenYesIsMedium_FourteenIsHigh()
    {
        using var client = await factory.ClientAsAsync(Caseworker);

        async Task<JsonElement> Score(int yes) => await (await client.PostAsJsonAsync(
            "/api/v1/instruments/dash-ric/score", new { yes = Enumerable.Range(1, yes), version = 1 })).Content.ReadFromJsonAsync<JsonElement>();

        (await Score(13)).GetProperty("level").GetString().ShouldBe("medium");
        (await Score(13)).GetProperty("referral").GetBoolean().ShouldBeFalse();
        (await Score(14)).GetProperty("level").GetString().ShouldBe("high");
        (await Score(14)).GetProperty("criteria")[0].GetString().ShouldBe("visible_high_risk");
    }

    [ProviderFact]
    public async Task Score_InvalidInput_Is400NamingTheField()
    {
        using var client = await factory.ClientAsAsync(Caseworker, "en");

        async Task<JsonElement> Errors(object body, string id = "dash-ric") =>
            await ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/instruments/{id}/score", body));

        (await Errors(new { yes = new[] { 25 } })).GetProperty("answers[25]")[0].GetString()!.ShouldContain("does not exist");
        (await Errors(new { judgement = "high" })).GetProperty("judgementReason")[0].GetString()!.ShouldContain("reason");
        (await Errors(new { at = "15/06/2025" })).GetProperty("at").GetArrayLength().ShouldBe(1);
        (await Errors(new { incidentDate = "2025-06-20", at = "2025-06-15" })).GetProperty("incidentDate").GetArrayLength().ShouldBe(1);
        (await Errors(new { version = 99 })).GetProperty("version")[0].GetString().ShouldBe("Instrument dash-ric has no version 99.");
        (await Errors(new { unknown = new[] { 1, 2, 3, 4, 5, 6 } }, "odara")).GetProperty("answers").GetArrayLength().ShouldBe(1);
        (await client.PostAsJsonAsync("/api/v1/instruments/no-such-scale/score", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task PublishingARevisionOfABundledInstrument_AddsALocalVersion_AndLeavesTheOldOneAsItWas()
    {
        using var admin = await factory.ClientAsAsync(Admin);
        var before = await (await admin.GetAsync("/api/v1/instruments/odara?version=1")).Content.ReadAsStringAsync();
        var revision = await DefinitionAsync(admin, "odara");
        var latest = revision["version"]!.GetValue<int>();
        revision["scoring"]!["maxUnknownItems"] = 3;
        revision["version"] = 42; // ignored: the server numbers versions

        var published = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/instruments/odara/versions", revision));

        published.GetProperty("version").GetInt32().ShouldBe(latest + 1);
        published.GetProperty("source").GetString().ShouldBe("local");
        published.GetProperty("publishedByUserId").GetGuid().ShouldBe(Admin.UserId);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().AuditEvents.AnyAsync(e =>
                e.Action == "instrument.publish" && e.EntityId == "odara" && e.Section == $"v{latest + 1}" && e.UserId == Admin.UserId)).ShouldBeTrue();
        }

        (await admin.GetAsync("/api/v1/instruments/odara?version=1")).Content.ReadAsStringAsync().Result.ShouldBe(before);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/instruments");
        var odara = list.EnumerateArray().Single(i => i.GetProperty("id").GetString() == "odara");
        odara.GetProperty("latestVersion").GetInt32().ShouldBe(latest + 1);
        odara.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).ShouldContain(1);

        using var caseworker = await factory.ClientAsAsync(Caseworker);
        (await caseworker.PostAsJsonAsync("/api/v1/instruments/odara/score", new { unknown = new[] { 1, 2, 3, 4 } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await caseworker.PostAsJsonAsync("/api/v1/instruments/odara/score", new { unknown = new[] { 1, 2, 3, 4 }, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task PublishingAnInvalidDefinition_Is400NamingTheField_AndStoresNothing()
    {
        using var admin = await factory.ClientAsAsync(Admin, "en");
        var versionsBefore = await VersionCountAsync(admin, "dash-ric");

        async Task<JsonElement> Errors(Action<JsonObject> edit)
        {
            var definition = await DefinitionAsync(admin, "dash-ric", 1);
            edit(definition);
            return await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/instruments/dash-ric/versions", definition));
        }

        (await Errors(d => d["bands"]![1]!["min"] = 11)).GetProperty("bands[1].min")[0].GetString()!.ShouldContain("gap");
        (await Errors(d => d["items"]![3]!["weight"] = 2)).GetProperty("items[3].weight")[0].GetString()!.ShouldContain("count scoring");
        (await Errors(d => d["commonLevelMap"]!.AsObject().Remove("high"))).GetProperty("commonLevelMap.high").GetArrayLength().ShouldBe(1);
        (await Errors(d => d["items"]![0]!["text"]!["en"] = "")).GetProperty("items[0].text.en").GetArrayLength().ShouldBe(1);
        (await Errors(d => d["criteria"]!["potentialEscalation"]!["months"] = 0)).GetProperty("criteria.potentialEscalation.months").GetArrayLength().ShouldBe(1);
        (await Errors(d => d["colour"] = "red")).EnumerateObject().ShouldHaveSingleItem();
        (await Errors(d => d["id"] = "odara")).GetProperty("id")[0].GetString()!.ShouldContain("dash-ric");

        (await VersionCountAsync(admin, "dash-ric")).ShouldBe(versionsBefore);
    }

    [ProviderFact]
    public async Task ACityScale_IsCreatedAsVersion1_ThenRevised_AndADuplicateIdIs409()
    {
        using var admin = await factory.ClientAsAsync(Admin);
        var id = NewId("city-scale");

        var created = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/instruments", Local(id)));
        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("source").GetString().ShouldBe("local");

        var duplicate = await admin.PostAsJsonAsync("/api/v1/instruments", Local(id));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("instrument.exists");

        (await CreatedAsync(await admin.PostAsJsonAsync($"/api/v1/instruments/{id}/versions", Local(id, highMin: 3)))).GetProperty("version").GetInt32().ShouldBe(2);
        (await DefinitionAsync(admin, id))["bands"]![1]!["min"]!.GetValue<int>().ShouldBe(3);
        (await DefinitionAsync(admin, id, 1))["bands"]![1]!["min"]!.GetValue<int>().ShouldBe(2);
        (await admin.PostAsJsonAsync("/api/v1/instruments/no-such-scale/versions", Local("no-such-scale"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/instruments", Local("Not Kebab")))).GetProperty("id").GetArrayLength().ShouldBe(1);
    }

    [ProviderFact]
    public async Task OnlyAdministratorsAndLinkageCentreSupervisors_MayPublish()
    {
        foreach (var who in new[] { Caseworker, factory.Account(AgencyType.PoliceBureau, "440304", Role.Supervisor), factory.Account(AgencyType.LinkageCentre, "440300", Role.Caseworker) })
        {
            using var client = await factory.ClientAsAsync(who);
            var id = NewId("denied");
            (await client.PostAsJsonAsync("/api/v1/instruments", Local(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who.Username);
            (await client.PostAsJsonAsync("/api/v1/instruments/dash-ric/versions", await DefinitionAsync(client, "dash-ric"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who.Username);
            (await client.GetAsync($"/api/v1/instruments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var supervisor = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Supervisor));
        await CreatedAsync(await supervisor.PostAsJsonAsync("/api/v1/instruments", Local(NewId("centre-scale"))));
    }

    [ProviderFact]
    public async Task WithoutAToken_Is401()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/instruments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/instruments/dash-ric/score", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/instruments", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [ProviderFact]
    public async Task StoredVersions_AreImmutable_AndRestartingAddsNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();

        (await scope.ServiceProvider.GetRequiredService<InstrumentSeeder>().EnsureAsync()).ShouldBe(0);
        (await RefusedAsync(db, "UPDATE instrument_versions SET \"DefinitionJson\" = 'x' WHERE \"InstrumentId\" = 'dash-ric'")).Message.ShouldContain("immutable");
        (await RefusedAsync(db, "DELETE FROM instrument_versions WHERE \"InstrumentId\" = 'odara'")).Message.ShouldContain("immutable");
        (await db.InstrumentVersions.SingleAsync(v => v.InstrumentId == "dash-ric" && v.Version == 1)).Definition().Items.Count.ShouldBe(24);
    }

    /// <summary>The provider's error (SqliteException, PostgresException) when the database refuses the statement.</summary>
    private static async Task<DbException> RefusedAsync(LianhuDbContext db, string sql)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
        catch (DbException ex)
        {
            return ex;
        }

        throw new ShouldAssertException($"The database accepted: {sql}");
    }

    private static async Task<int> VersionCountAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments")).EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id).GetProperty("versions").GetArrayLength();
}

public sealed class InstrumentApiTests_Sqlite(SqliteFactory factory) : InstrumentApiTests<SqliteFactory>(factory);

public sealed class InstrumentApiTests_Postgres(PostgresFactory factory) : InstrumentApiTests<PostgresFactory>(factory), IPostgresTests;
