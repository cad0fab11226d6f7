using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Admin;

/// <summary>Administrators manage agencies and staff within their division; nobody else can.</summary>
public abstract class AdminApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount CityAdmin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    /// <summary>A second administrator who manages the new account's agency approves it (four eyes, ADR 0024).</summary>
    private async Task ApproveAsync(string district, Guid userId)
    {
        using var second = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, district, Role.Sysadmin));
        var request = (await second.GetFromJsonAsync<JsonElement>("/api/v1/users/requests")).EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == userId);
        (await second.PostAsync($"/api/v1/users/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [ProviderFact]
    public async Task Admin_CreatesAnAgencyAndAUser_WhoCanThenSignInAndOpenACase()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin);
        var community = factory.Account(AgencyType.CommunityWorkstation, "440304").Agency.Division.Value;
        var agency = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "测试社工服务站", type = "social-work-group", divisionCode = community[..9] });
        agency.StatusCode.ShouldBe(HttpStatusCode.Created);
        var agencyId = (await agency.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var username = $"sw-{Guid.NewGuid():N}"[..16];
        var user = await admin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "社工 甲", agencyId, roles = new[] { "caseworker" }, password = "Str0ng-Passw0rd!" });
        user.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ApproveAsync("440304", (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        using var anonymous = factory.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Str0ng-Passw0rd!" });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);

        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?agencyId={agencyId}");
        users.EnumerateArray().Single().GetProperty("username").GetString().ShouldBe(username);
    }

    [ProviderFact]
    public async Task AgencyAtAWrongTier_OrUnknownType_IsRefusedWithFieldErrors()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var response = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "x", type = "police-station", divisionCode = "440306" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("divisionCode")[0].GetString()!.ShouldContain("police-station");

        var unknown = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "x", type = "spaceport", divisionCode = "440306" });
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldContain("court");
    }

    [ProviderFact]
    public async Task WeakPassword_AndRoleTheAgencyDoesNotHave_AreRefused()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var school = factory.Account(AgencyType.School, "440305", Role.Reporter).Agency.Id;
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username = "weak.user", displayName = "W", agencyId = school, roles = new[] { "sysadmin" }, password = "short" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("roles")[0].GetString()!.ShouldContain("sysadmin");
    }

    [ProviderFact]
    public async Task NonAdministrators_CannotManageAgenciesOrUsers()
    {
        using var caseworker = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Supervisor));
        (await caseworker.GetAsync("/api/v1/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await caseworker.PostAsJsonAsync("/api/v1/agencies", new { name = "x", type = "court", divisionCode = "440306" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ProviderFact]
    public async Task DistrictAdmin_DoesNotSeeOrManageOtherDistricts()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin);
        var district = factory.Account(AgencyType.LinkageCentre, "440306").Agency.Id;
        var username = $"adm-{Guid.NewGuid():N}"[..16];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "区管理员", agencyId = district, roles = new[] { "sysadmin" }, password = "Str0ng-Passw0rd!" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await ApproveAsync("440306", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        using var anonymous = factory.CreateClient();
        var token = (await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Str0ng-Passw0rd!" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var districtAdmin = factory.CreateClient();
        districtAdmin.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var users = await districtAdmin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        users.EnumerateArray().ShouldAllBe(u => u.GetProperty("username").GetString()!.StartsWith("440306") || u.GetProperty("username").GetString() == username);
        var futian = factory.Account(AgencyType.Court, "440304").Agency.Id;
        (await districtAdmin.PostAsJsonAsync("/api/v1/users", new { username = "x.y.z", displayName = "X", agencyId = futian, roles = new[] { "caseworker" }, password = "Str0ng-Passw0rd!" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [ProviderFact]
    public async Task LockedUser_CannotGetAToken()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin);
        var target = factory.Account(AgencyType.JudicialOffice, "440305");
        (await admin.PostAsync($"/api/v1/users/{target.UserId}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = target.Username, password = LianhuFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await admin.PostAsync($"/api/v1/users/{target.UserId}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = target.Username, password = LianhuFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class AdminApiTests_Sqlite(SqliteFactory factory) : AdminApiTests<SqliteFactory>(factory);

public sealed class AdminApiTests_Postgres(PostgresFactory factory) : AdminApiTests<PostgresFactory>(factory), IPostgresTests;
