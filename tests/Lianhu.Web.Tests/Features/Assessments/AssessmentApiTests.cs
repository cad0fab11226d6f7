using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lianhu.Web.Tests.Features.Instruments.TestScales;

namespace Lianhu.Web.Tests.Features.Assessments;

/// <summary>Risk assessments on a case through the real host, on each database: scope, audit, versions kept, closed cases.</summary>
public abstract class AssessmentApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Workstation => factory.Account(AgencyType.CommunityWorkstation, "440306");

    private DemoAccount Admin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    private static readonly object DashMedium = new
    {
        instrument = "dash-ric",
        version = 1,
        yes = Enumerable.Range(1, 11),
        unknown = new[] { 20 },
        incidents = new[] { "2025-01-01", "2025-03-01", "2025-06-01" },
        at = "2025-06-15",
    };

    [ProviderFact]
    public async Task Create_Returns201WithTheStoredResult_AndItReadsBack()
    {
        using var client = await factory.ClientAsAsync(Workstation);
        var caseId = await OpenCaseAsync(client);

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium);

        var created = await CreatedAsync(response);
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/cases/{caseId}/assessments/{id}");
        created.GetProperty("caseId").GetGuid().ShouldBe(caseId);
        created.GetProperty("instrument").GetString().ShouldBe("dash-ric");
        created.GetProperty("version").GetInt32().ShouldBe(1);
        created.GetProperty("score").GetRawText().ShouldBe("11");
        created.GetProperty("computedLevel").GetString().ShouldBe("medium");
        created.GetProperty("level").GetString().ShouldBe("medium");
        created.GetProperty("commonLevel").GetString().ShouldBe("medium");
        created.GetProperty("handlingTier").GetString().ShouldBe("district");
        created.GetProperty("referral").GetBoolean().ShouldBeTrue();
        created.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()).ShouldBe(["potential_escalation"]);
        created.GetProperty("unknown").GetInt32().ShouldBe(1);
        created.GetProperty("answers").GetProperty("unknown")[0].GetInt32().ShouldBe(20);
        created.GetProperty("at").GetString().ShouldBe("2025-06-15");
        created.GetProperty("reassessmentDue").GetString().ShouldBe("2025-07-15");
        created.GetProperty("assessorUserId").GetGuid().ShouldBe(Workstation.UserId);
        created.GetProperty("assessorAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);
        created.GetProperty("explanations")[0].GetProperty("en").GetString().ShouldBe("11 yes of 24 ≥ 10 → medium (band 10–13)");

        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        read.GetProperty("id").GetGuid().ShouldBe(id);
        read.GetProperty("level").GetString().ShouldBe("medium");
    }

    [ProviderFact]
    public async Task List_IsNewestFirst_AndJudgementIsKeptWithItsReason()
    {
        using var client = await factory.ClientAsAsync(Workstation);
        var caseId = await OpenCaseAsync(client);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium));
        var second = await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new
        {
            instrument = "cn-three-level",
            yes = new[] { 6 },
            judgement = "high",
            judgementReason = "受害人称对方昨晚扬言报复",
        }));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");

        list.GetArrayLength().ShouldBe(2);
        list[0].GetProperty("id").GetGuid().ShouldBe(second.GetProperty("id").GetGuid());
        list[0].GetProperty("computedLevel").GetString().ShouldBe("low");
        list[0].GetProperty("level").GetString().ShouldBe("high");
        list[0].GetProperty("judgement").GetString().ShouldBe("high");
        list[0].GetProperty("judgementReason").GetString().ShouldBe("受害人称对方昨晚扬言报复");
        list[0].GetProperty("handlingTier").GetString().ShouldBe("city");
        list[1].GetProperty("instrument").GetString().ShouldBe("dash-ric");
    }

    [ProviderFact]
    public async Task CreateAndRead_AreAudited()
    {
        using var client = await factory.ClientAsAsync(Workstation);
        var caseId = await OpenCaseAsync(client);
        var id = (await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium))).GetProperty("id").GetGuid().ToString();
        (await client.GetAsync($"/api/v1/cases/{caseId}/assessments")).EnsureSuccessStatusCode();

        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == id || e.EntityId == caseId.ToString()).ToListAsync();
        events.ShouldContain(e => e.Action == "assessment.create" && e.EntityType == "assessment" && e.EntityId == id && e.UserId == Workstation.UserId);
        events.ShouldContain(e => e.Action == "assessment.read" && e.EntityType == "case" && e.EntityId == caseId.ToString());
    }

    [ProviderFact]
    public async Task OutsideTheScope_ListCreateAndRead_Are404_AndNothingIsStored()
    {
        using var owner = await factory.ClientAsAsync(Workstation);
        var caseId = await OpenCaseAsync(owner);
        var id = (await CreatedAsync(await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium))).GetProperty("id").GetGuid();

        foreach (var stranger in new[] { factory.Account(AgencyType.PoliceBureau, "440304"), factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor), Admin })
        {
            using var client = await factory.ClientAsAsync(stranger);
            (await client.GetAsync($"/api/v1/cases/{caseId}/assessments")).StatusCode.ShouldBe(HttpStatusCode.NotFound, stranger.Username);
            (await client.GetAsync($"/api/v1/cases/{caseId}/assessments/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, stranger.Username);
            (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium)).StatusCode.ShouldBe(HttpStatusCode.NotFound, stranger.Username);
        }

        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().ShouldBe(1);
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440306", Role.Supervisor));
        (await centre.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().ShouldBe(1);
        (await owner.GetAsync($"/api/v1/cases/{Guid.NewGuid()}/assessments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task AnAssessmentKeepsItsVersion_AfterARevisionIsPublished()
    {
        using var admin = await factory.ClientAsAsync(Admin);
        using var client = await factory.ClientAsAsync(Workstation);
        var caseId = await OpenCaseAsync(client);
        var thirteen = new { instrument = "dash-ric", yes = Enumerable.Range(1, 13), at = "2025-06-15" };
        var before = await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", thirteen));

        // A city's own DASH: high from 13 yes, escalation 3 in 6 months.
        var revision = await DefinitionAsync(admin, "dash-ric", before.GetProperty("version").GetInt32());
        revision["bands"]![1]!["max"] = 12;
        revision["bands"]![2]!["min"] = 13;
        revision["criteria"]!["visibleHighRiskMinScore"] = 13;
        revision["criteria"]!["potentialEscalation"]!["months"] = 6;
        var published = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/instruments/dash-ric/versions", revision));
        var after = await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", thirteen));

        after.GetProperty("version").GetInt32().ShouldBe(published.GetProperty("version").GetInt32());
        after.GetProperty("level").GetString().ShouldBe("high");
        after.GetProperty("criteria").EnumerateArray().Select(c => c.GetString()).ShouldBe(["visible_high_risk"]);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        var kept = list.EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == before.GetProperty("id").GetGuid());
        kept.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        kept.GetProperty("level").GetString().ShouldBe("medium");
        kept.GetProperty("referral").GetBoolean().ShouldBeFalse();
        kept.GetProperty("explanations").GetRawText().ShouldBe(before.GetProperty("explanations").GetRawText());
        (await DefinitionAsync(admin, "dash-ric", before.GetProperty("version").GetInt32()))["bands"]![2]!["min"]!.GetValue<int>().ShouldBe(14);
    }

    [ProviderFact]
    public async Task AClosedCase_RefusesNewAssessments_With409_ButStillLists()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");
        var caseId = await OpenCaseAsync(client);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var toClose = await db.Cases.SingleAsync(c => c.Id == caseId);
            toClose.RequestClosure(Guid.NewGuid(), "test closure", 1, DateTimeOffset.UtcNow);
            toClose.ApproveClosure(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", DashMedium);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("assessment.case-closed");
        problem.GetProperty("detail").GetString().ShouldBe("The case is closed and takes no new risk assessments.");
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().ShouldBe(1);
    }

    [ProviderFact]
    public async Task InvalidInput_Is400NamingTheField_AndNothingIsStored()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");
        var caseId = await OpenCaseAsync(client);

        async Task<JsonElement> Errors(object body) => await ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", body));

        (await Errors(new { yes = new[] { 1 } })).GetProperty("instrument")[0].GetString().ShouldBe("This field is required.");
        (await Errors(new { instrument = "no-such-scale" })).GetProperty("instrument")[0].GetString().ShouldBe("There is no instrument no-such-scale.");
        (await Errors(new { instrument = "dash-ric", version = 99 })).GetProperty("version").GetArrayLength().ShouldBe(1);
        (await Errors(new { instrument = "dash-ric", yes = new[] { 30 } })).GetProperty("answers[30]").GetArrayLength().ShouldBe(1);
        (await Errors(new { instrument = "dash-ric", judgement = "high" })).GetProperty("judgementReason").GetArrayLength().ShouldBe(1);
        (await Errors(new { instrument = "dash-ric", at = "2999-01-01" })).GetProperty("at").GetArrayLength().ShouldBe(1);
        (await Errors(new { instrument = "odara", judgement = "cat-7", judgementReason = "r" })).GetProperty("judgement").GetArrayLength().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments")).GetArrayLength().ShouldBe(0);
    }

    private async Task<Guid> OpenCaseAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "风险评估测试", divisionCode = Workstation.Agency.Division.Value });
        return (await CreatedAsync(response)).GetProperty("id").GetGuid();
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteFactory factory) : AssessmentApiTests<SqliteFactory>(factory);

public sealed class AssessmentApiTests_Postgres(PostgresFactory factory) : AssessmentApiTests<PostgresFactory>(factory), IPostgresTests;
