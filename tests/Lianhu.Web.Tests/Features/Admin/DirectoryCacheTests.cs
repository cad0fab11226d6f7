using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Linkage;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Conferences;
using Lianhu.Web.Features.Inbox;
using Lianhu.Web.Features.Intake;
using Lianhu.Web.Features.Routing;
using Lianhu.Web.Features.Tasks;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Admin;

/// <summary>
/// Routing and notification staging read the agency directory from a short-lived cache (ADR 0022):
/// an administrator's change on this node is seen at once, a change made elsewhere within the lifetime.
/// </summary>
public abstract class DirectoryCacheTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private string Community => factory.Account(AgencyType.CommunityWorkstation, "440304").Agency.Division.Value;

    [ProviderFact]
    public async Task AnAgencyAddedHere_IsRoutedToAtOnce_AndADeactivationElsewhere_IsSeenWhenTheCacheExpires()
    {
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        (await CityAsync()).ShouldNotBeEmpty(); // the directory is cached from here on

        var created = await admin.PostAsJsonAsync("/api/v1/agencies", new { name = "新设社工站", type = "social-work-group", divisionCode = Community[..9] });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await CityAsync()).ShouldContain(a => a.Id == id && a.Type == AgencyType.SocialWorkGroup);

        // Another node (a write this process's change tracker never sees) deactivates it: this node
        // may route to it until its cached directory expires, and not after.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().Agencies.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsActive, false));
        }

        factory.Clock.Advance(DirectoryCache.Lifetime + TimeSpan.FromSeconds(1));
        (await CityAsync()).ShouldNotContain(a => a.Id == id);
    }

    [ProviderFact]
    public async Task ADutyAddressSetHere_GetsMailStagedAtOnce()
    {
        using var admin = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        var station = factory.Account(AgencyType.PoliceStation, "440305").Agency.Id;
        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station}/duty-email", new { dutyEmail = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MailedAsync()).ShouldNotContain(station);

        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station}/duty-email", new { dutyEmail = "duty@station.example" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MailedAsync()).ShouldContain(station);

        (await admin.PutAsJsonAsync($"/api/v1/agencies/{station}/duty-email", new { dutyEmail = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MailedAsync()).ShouldNotContain(station);
    }

    private async Task<IReadOnlyList<DirectoryAgency>> CityAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Lianhu.Web.Features.Tasks.TaskClocks>().DirectoryAsync(Community, CancellationToken.None);
    }

    private async Task<IReadOnlySet<Guid>> MailedAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        return await scope.ServiceProvider.GetRequiredService<DirectoryCache>().MailedAgenciesAsync(db, CancellationToken.None);
    }
}

public sealed class DirectoryCacheTests_Sqlite(ClockSqliteFactory factory) : DirectoryCacheTests<ClockSqliteFactory>(factory);

public sealed class DirectoryCacheTests_Postgres(ClockPostgresFactory factory) : DirectoryCacheTests<ClockPostgresFactory>(factory), IPostgresTests;
