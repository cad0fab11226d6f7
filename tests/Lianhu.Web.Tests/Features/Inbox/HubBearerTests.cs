using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lianhu.Web.Identity;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Inbox;

/// <summary>API clients subscribe to the inbox hub with their bearer token, under the same checks as the API (issue 17, ADR 0030).</summary>
public sealed class HubBearerTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Negotiate = "/hubs/inbox/negotiate?negotiateVersion=1";

    [Fact]
    public async Task Negotiation_WithABearerHeader_OrTheAccessTokenQuery_IsAccepted()
    {
        var token = await factory.TokenAsync(factory.Account(Lianhu.Domain.Organisation.AgencyType.PoliceStation, "440306").Username);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var header = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        header.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var byHeader = await client.SendAsync(header);
        byHeader.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await byHeader.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString().ShouldNotBeNullOrEmpty();

        var byQuery = await client.PostAsync($"{Negotiate}&access_token={Uri.EscapeDataString(token)}", null);
        byQuery.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without a token the hub is closed; the query form is not a way into the API.
        (await client.PostAsync(Negotiate, null)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/cases?pageSize=1&access_token={Uri.EscapeDataString(token)}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Negotiation_WithTheTokenOfAnAccountWhoseStampChanged_IsRefused()
    {
        var account = factory.City.Accounts.Where(a => a.Role == Lianhu.Domain.Access.Role.Caseworker).Skip(7).First();
        var token = await factory.TokenAsync(account.Username);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.PostAsync(Negotiate, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync(account.Username))!;
            await users.UpdateSecurityStampAsync(user); // as a lock or a password change does
            factory.Services.GetRequiredService<SessionGuard>().Forget(user.Id);
        }

        (await client.PostAsync(Negotiate, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
