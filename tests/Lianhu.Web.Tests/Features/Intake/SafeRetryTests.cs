using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Intake;

/// <summary>Idempotency keys on intake, and optimistic concurrency on case edits.</summary>
public abstract class SafeRetryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private object Body(string summary) => new
    {
        channel = "police-110",
        summary,
        divisionCode = factory.CommunityOf(factory.PoliceStation()),
        parties = new[] { new { role = "victim", name = "赵敏", phone = TestIdentities.Mobile() } },
    };

    [ProviderFact]
    public async Task SameKeyAndBody_ReturnsTheSameCase_SameStatusAndBody_AndOpensOnlyOne()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation());
        var key = Guid.NewGuid().ToString();
        var body = Body("重试测试 " + key[..8]);
        var before = (await client.JsonAsync("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32();

        var first = await client.IntakeAsync(body, key);
        var second = await client.IntakeAsync(body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstText = await first.Content.ReadAsStringAsync();
        (await second.Content.ReadAsStringAsync()).ShouldBe(firstText);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await client.JsonAsync("/api/v1/cases?pageSize=1")).GetProperty("total").GetInt32().ShouldBe(before + 1);

        // The replay wrote nothing: no second person record, audit event or timeline entry.
        var caseId = (await first.Content.ReadFromJsonAsync<JsonElement>()).Id();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lianhu.Web.Data.LianhuDbContext>();
        (await db.CaseParties.CountAsync(p => p.CaseId == caseId)).ShouldBe(1);
        (await db.CaseEvents.CountAsync(e => e.CaseId == caseId)).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == "case.create" && e.EntityId == caseId.ToString())).ShouldBe(1);
    }

    [ProviderFact]
    public async Task ConcurrentRetriesWithOneKey_OpenOneCase()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation());
        var key = Guid.NewGuid().ToString();
        var body = Body("并发重试 " + key[..8]);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.IntakeAsync(body, key)));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).Id());
        }

        ids.Count.ShouldBe(1);
    }

    [ProviderFact]
    public async Task SameKeyWithAnotherBody_Is422_AndKeysAreScopedPerUser()
    {
        using var station = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        using var other = await factory.ClientAsAsync(factory.PoliceStation(IntakeCalls.Futian), "en");
        var key = Guid.NewGuid().ToString();
        (await station.IntakeAsync(Body("第一次"), key)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var problem = await (await station.IntakeAsync(Body("第二次，不同内容"), key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("idempotency.mismatch");
        problem.GetProperty("detail").GetString()!.ShouldContain("different request");

        // A retry whose new body is also invalid hears that the key is taken, not what is wrong with the body.
        var invalid = await (await station.IntakeAsync(new { channel = "police-110", summary = "" }, key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        invalid.GetProperty("code").GetString().ShouldBe("idempotency.mismatch");
        // An invalid body under a fresh key is still told what is wrong.
        (await (await station.IntakeAsync(new { channel = "police-110", summary = "" }, Guid.NewGuid().ToString())).ProblemAsync()).Error("summary").ShouldNotBeNullOrEmpty();

        var futianBody = new { channel = "police-110", summary = "另一单位同一键", divisionCode = factory.CommunityOf(factory.PoliceStation(IntakeCalls.Futian)) };
        (await other.IntakeAsync(futianBody, key)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task MalformedKey_IsA400NamingTheHeader()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        var problem = await (await client.IntakeAsync(Body("x"), new string('k', 201))).ProblemAsync();
        problem.Error("Idempotency-Key").ShouldContain("visible ASCII");
    }

    [ProviderFact]
    public async Task Edit_RequiresTheVersion_AndAStaleVersionIs409WithTheCurrentOne()
    {
        using var client = await factory.ClientAsAsync(factory.PoliceStation(), "en");
        var created = await client.OpenAsync(Body("原始摘要"));
        var id = created.Id();
        var read = await client.GetAsync($"/api/v1/cases/{id}");
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");

        var missing = await client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { summary = "无版本" });
        (await missing.ProblemAsync(HttpStatusCode.PreconditionRequired)).GetProperty("code").GetString().ShouldBe("version.required");

        using var edit = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/cases/{id}") { Content = JsonContent.Create(new { summary = "更正后的摘要", address = "宝安区某路 1 号" }) };
        edit.Headers.IfMatch.ParseAdd("\"1\"");
        var ok = await client.SendAsync(edit);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var edited = await ok.Content.ReadFromJsonAsync<JsonElement>();
        edited.GetProperty("version").GetInt32().ShouldBe(2);
        edited.GetProperty("summary").GetString().ShouldBe("更正后的摘要");
        edited.GetProperty("intake").GetProperty("address").GetString().ShouldBe("宝安区某路 1 号");

        var stale = await client.PatchAsJsonAsync($"/api/v1/cases/{id}", new { summary = "基于旧版本的修改", version = 1 });
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict);
        conflict.GetProperty("currentVersion").GetInt32().ShouldBe(2);
        conflict.GetProperty("code").GetString().ShouldBe("version.mismatch");
        (await client.JsonAsync($"/api/v1/cases/{id}")).GetProperty("summary").GetString().ShouldBe("更正后的摘要");
    }

    [ProviderFact]
    public async Task Edit_OutsideScope_Is404()
    {
        using var owner = await factory.ClientAsAsync(factory.PoliceStation());
        using var stranger = await factory.ClientAsAsync(factory.PoliceStation(IntakeCalls.Futian));
        var id = (await owner.OpenAsync(Body("他人案件"))).Id();
        (await stranger.PatchAsJsonAsync($"/api/v1/cases/{id}", new { summary = "越权修改", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SafeRetryTests_Sqlite(SqliteFactory factory) : SafeRetryTests<SqliteFactory>(factory);

public sealed class SafeRetryTests_Postgres(PostgresFactory factory) : SafeRetryTests<PostgresFactory>(factory), IPostgresTests;
