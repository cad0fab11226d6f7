using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Cases;

/// <summary>Opening, reading and listing cases through the real host, with real sign-in, on each database.</summary>
public abstract class CaseApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Baoan = "440306";
    private const string Futian = "440304";

    private static string CommunityOf(DemoAccount who) => who.Agency.Division.Value;

    private DemoAccount Workstation => factory.Account(AgencyType.CommunityWorkstation, Baoan);

    [ProviderFact]
    public async Task OpenCase_ReturnsCreatedWithLocation_AndTheCaseReadsBack()
    {
        using var client = await factory.ClientAsAsync(Workstation);
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "邻居报告夜间争吵和哭声", divisionCode = CommunityOf(Workstation) });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/cases/{id}");
        created.GetProperty("leadAgencyId").GetGuid().ShouldBe(Workstation.Agency.Id);
        created.GetProperty("status").GetString().ShouldBe("open");

        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        read.GetProperty("summary").GetString().ShouldBe("邻居报告夜间争吵和哭声");
        read.GetProperty("channel").GetString().ShouldBe("hotline");
        read.GetProperty("divisionCode").GetString().ShouldBe(CommunityOf(Workstation));
    }

    [ProviderFact]
    public async Task ListCases_ShowsMyAgencysCases_NewestFirst()
    {
        var station = factory.Account(AgencyType.PoliceStation, Baoan);
        using var client = await factory.ClientAsAsync(station);
        var community = factory.Account(AgencyType.CommunityWorkstation, station.Agency.Division.Value).Agency.Division.Value;
        var first = await OpenAsync(client, community, "第一起");
        var second = await OpenAsync(client, community, "第二起");

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100");
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        ids.ShouldContain(first);
        ids.ShouldContain(second);
        ids.IndexOf(second).ShouldBeLessThan(ids.IndexOf(first));
        page.GetProperty("total").GetInt32().ShouldBe(ids.Count);
    }

    [ProviderFact]
    public async Task UnrelatedAgencyInAnotherDistrict_GetsNotFound_AndDoesNotSeeItInLists()
    {
        using var owner = await factory.ClientAsAsync(Workstation);
        var id = await OpenAsync(owner, CommunityOf(Workstation), "保密案件");
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.PoliceBureau, Futian));

        var response = await stranger.GetAsync($"/api/v1/cases/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("保密案件");

        var page = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=100");
        page.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == id);
    }

    [ProviderFact]
    public async Task LinkageCentresAboveTheCommunity_SeeTheCase_ButNotCentresOfOtherDistricts()
    {
        using var owner = await factory.ClientAsAsync(Workstation);
        var id = await OpenAsync(owner, CommunityOf(Workstation), "需要督办");

        foreach (var prefix in new[] { "440300", Baoan, CommunityOf(Workstation)[..9] })
        {
            var centre = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == prefix && a.Role == Role.Supervisor);
            using var client = await factory.ClientAsAsync(centre);
            (await client.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK, $"centre at {prefix}");
        }

        using var other = await factory.ClientAsAsync(factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == Futian));
        (await other.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task SystemAdministrator_CannotReadCaseContent()
    {
        using var owner = await factory.ClientAsAsync(Workstation);
        var id = await OpenAsync(owner, CommunityOf(Workstation), "管理员不可见");
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));

        (await admin.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task InvalidFields_AreNamedWithReasons_InTheCallersLanguage()
    {
        using var zh = await factory.ClientAsAsync(Workstation, "zh-CN");
        using var en = await factory.ClientAsAsync(Workstation, "en");
        var body = new { channel = "fax", summary = "", divisionCode = "440306" };

        var zhProblem = await ProblemAsync(await zh.PostAsJsonAsync("/api/v1/cases", body));
        var enProblem = await ProblemAsync(await en.PostAsJsonAsync("/api/v1/cases", body));

        var zhErrors = zhProblem.GetProperty("errors");
        zhErrors.GetProperty("channel")[0].GetString()!.ShouldContain("police-110");
        zhErrors.GetProperty("summary")[0].GetString().ShouldBe("必填。");
        zhErrors.GetProperty("divisionCode")[0].GetString()!.ShouldContain("社区或村");
        enProblem.GetProperty("errors").GetProperty("summary")[0].GetString().ShouldBe("This field is required.");
        enProblem.GetProperty("errors").GetProperty("divisionCode")[0].GetString()!.ShouldContain("community or village");
    }

    [ProviderFact]
    public async Task UnknownCommunity_IsRefused_AndNothingIsSaved()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/cases")).GetProperty("total").GetInt32();

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "x", divisionCode = "440306999999" }));

        problem.GetProperty("errors").GetProperty("divisionCode")[0].GetString().ShouldBe("This division is not in the directory.");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/cases")).GetProperty("total").GetInt32().ShouldBe(before);
    }

    [ProviderFact]
    public async Task MalformedJson_IsA400ProblemDetails_NotA500()
    {
        using var client = await factory.ClientAsAsync(Workstation, "en");
        using var content = new StringContent("{\"channel\":", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/cases", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("not valid JSON");
    }

    [ProviderFact]
    public async Task WithoutAToken_TheApiAnswers401()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<Guid> OpenAsync(HttpClient client, string community, string summary)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary, divisionCode = community });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class CaseApiTests_Sqlite(SqliteFactory factory) : CaseApiTests<SqliteFactory>(factory);

public sealed class CaseApiTests_Postgres(PostgresFactory factory) : CaseApiTests<PostgresFactory>(factory), IPostgresTests;
