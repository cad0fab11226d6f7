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

namespace Lianhu.Web.Tests.Features.Admin;

/// <summary>
/// Separation of duties and four eyes (ADR 0024): an administrator's account never reads cases or
/// the audit trail; a new account and every added role wait for a second administrator who manages
/// the agency; no one changes their own roles; every step is audited.
/// </summary>
public abstract class FourEyesTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount CityAdmin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    private DemoAccount BaoanAdmin => factory.Account(AgencyType.LinkageCentre, "440306", Role.Sysadmin);

    [ProviderFact]
    public async Task AnAdministrator_CannotCreateAnAccountThatAlsoReadsCasesOrTheAuditTrail()
    {
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            username = $"sod-{Guid.NewGuid():N}"[..16],
            displayName = "双重角色",
            agencyId = CityAdmin.Agency.Id,
            roles = new[] { "sysadmin", "supervisor", "auditor" },
            password = "Str0ng-Passw0rd!",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("roles")[0].GetString()!.ShouldContain("administrator");
    }

    [ProviderFact]
    public async Task ANewAccount_CannotSignIn_UntilASecondAdministratorApprovesIt()
    {
        using var cityAdmin = await factory.ClientAsAsync(CityAdmin, "en");
        var username = $"fe-{Guid.NewGuid():N}"[..16];
        var station = factory.Account(AgencyType.PoliceStation, "440306").Agency.Id;
        var created = await cityAdmin.PostAsJsonAsync("/api/v1/users", new { username, displayName = "民警 丙", agencyId = station, roles = new[] { "caseworker" }, password = "Str0ng-Passw0rd!" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var anonymous = factory.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Str0ng-Passw0rd!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var request = (await cityAdmin.GetFromJsonAsync<JsonElement>("/api/v1/users/requests")).EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == userId);
        request.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["caseworker"]);
        var requestId = request.GetProperty("id").GetGuid();
        (await cityAdmin.PostAsync($"/api/v1/users/requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict); // not the one who asked

        using var futianAdmin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Sysadmin), "en");
        (await futianAdmin.PostAsync($"/api/v1/users/requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not an agency they manage

        using var baoanAdmin = await factory.ClientAsAsync(BaoanAdmin, "en");
        (await baoanAdmin.PostAsync($"/api/v1/users/requests/{requestId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Str0ng-Passw0rd!" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var actions = await AuditAsync(userId);
        actions.ShouldContain(("user.create", CityAdmin.UserId));
        actions.ShouldContain(("user.grant.request", CityAdmin.UserId));
        actions.ShouldContain(("user.grant.approve", BaoanAdmin.UserId));
    }

    [ProviderFact]
    public async Task NoOneChangesTheirOwnRoles_AndAddedRolesWaitForASecondAdministrator()
    {
        using var cityAdmin = await factory.ClientAsAsync(CityAdmin, "en");
        (await cityAdmin.PutAsJsonAsync($"/api/v1/users/{CityAdmin.UserId}/roles", new { roles = new[] { "sysadmin", "statistician" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var worker = factory.Account(AgencyType.LinkageCentre, "440306", Role.Caseworker);
        var asked = await cityAdmin.PutAsJsonAsync($"/api/v1/users/{worker.UserId}/roles", new { roles = new[] { "caseworker", "supervisor" } });
        asked.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await RolesAsync(cityAdmin, worker)).ShouldBe(["caseworker"]);

        using var baoanAdmin = await factory.ClientAsAsync(BaoanAdmin, "en");
        var request = (await baoanAdmin.GetFromJsonAsync<JsonElement>("/api/v1/users/requests")).EnumerateArray().Single(r => r.GetProperty("userId").GetGuid() == worker.UserId);
        (await baoanAdmin.PostAsync($"/api/v1/users/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await RolesAsync(cityAdmin, worker)).ShouldBe(["caseworker", "supervisor"]);

        // Removing a role needs no second pair of eyes and takes effect at once.
        (await cityAdmin.PutAsJsonAsync($"/api/v1/users/{worker.UserId}/roles", new { roles = new[] { "caseworker" } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await RolesAsync(cityAdmin, worker)).ShouldBe(["caseworker"]);
    }

    private static async Task<string[]> RolesAsync(HttpClient admin, DemoAccount account) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?agencyId={account.Agency.Id}")).EnumerateArray()
            .Single(u => u.GetProperty("id").GetGuid() == account.UserId).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!)];

    private async Task<List<(string Action, Guid By)>> AuditAsync(Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = userId.ToString();
        var rows = await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == id).Select(e => new { e.Action, e.UserId }).ToListAsync();
        return [.. rows.Select(r => (r.Action, r.UserId ?? Guid.Empty))];
    }
}

public sealed class FourEyesTests_Sqlite(SqliteFactory factory) : FourEyesTests<SqliteFactory>(factory);

public sealed class FourEyesTests_Postgres(PostgresFactory factory) : FourEyesTests<PostgresFactory>(factory), IPostgresTests;
