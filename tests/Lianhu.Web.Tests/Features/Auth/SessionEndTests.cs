using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Features.Auth;

/// <summary>
/// Locking an account ends its sessions within seconds on every node (ADR 0024): two hosts on one
/// database and one key ring, the account locked on the first, its old token refused on the second
/// once the per-node memory of the security stamp (at most 5 s) has passed; a cookie session ends too.
/// </summary>
public abstract class SessionEndTests : IDisposable
{
    private readonly string keyRing = Path.Combine(Path.GetTempPath(), $"lianhu-test-keys-{Guid.NewGuid():N}");

    protected abstract string Provider { get; }

    protected abstract string NewDatabase();

    protected virtual void DeleteDatabases()
    {
    }

    private SharedDatabaseFactory Node(string database, FakeTimeProvider clock) =>
        new(Provider, database, clock, [.. ClockTestHosts.ManualScans, new("Lianhu:Encryption:KeyRingPath", keyRing)]);

    private static async Task<HttpClient> BearerAsync(LianhuFactory node, string username)
    {
        using var anonymous = node.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = LianhuFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        return client;
    }

    [ProviderFact]
    public async Task LockedOnOneNode_TheOldTokenGets401OnEveryNode_WithinSeconds()
    {
        var database = NewDatabase();
        var clock = new FakeTimeProvider(ClockTestHosts.Start());
        await using var first = Node(database, clock);
        await first.InitializeAsync();
        await using var second = Node(database, clock);
        await second.InitializeAsync();
        var target = first.Account(AgencyType.PoliceStation, "440306");

        using var onFirst = await BearerAsync(first, target.Username);
        using var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;
        (await onFirst.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await onSecond.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var admin = await first.ClientAsAsync(first.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        (await admin.PostAsync($"/api/v1/users/{target.UserId}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await onFirst.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // this node forgets at once
        clock.Advance(TimeSpan.FromSeconds(6));
        (await onSecond.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Unlocking changes the stamp again: the old token stays dead, a new sign-in works.
        (await admin.PostAsync($"/api/v1/users/{target.UserId}/unlock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        clock.Advance(TimeSpan.FromSeconds(6));
        (await onSecond.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var fresh = await BearerAsync(second, target.Username);
        (await fresh.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ProviderFact]
    public async Task LockingAnAccount_EndsItsCookieSession()
    {
        var clock = new FakeTimeProvider(ClockTestHosts.Start());
        await using var node = Node(NewDatabase(), clock);
        await node.InitializeAsync();
        var target = node.Account(AgencyType.PoliceStation, "440304");
        using var session = await UiSession.SignInAsync(node, target);
        (await session.Client.GetAsync("/cases")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var admin = await node.ClientAsAsync(node.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin));
        (await admin.PostAsync($"/api/v1/users/{target.UserId}/lock", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await session.Client.GetAsync("/cases");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/signin");
    }

    public void Dispose()
    {
        DeleteDatabases();
        if (Directory.Exists(keyRing))
        {
            Directory.Delete(keyRing, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SessionEndTests_Sqlite : SessionEndTests
{
    private readonly List<string> files = [];

    protected override string Provider => "sqlite";

    protected override string NewDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lianhu-session-nodes-{Guid.NewGuid():N}.db");
        files.Add(file);
        return $"Data Source={file}";
    }

    protected override void DeleteDatabases()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            File.Delete(file);
        }
    }
}

public sealed class SessionEndTests_Postgres : SessionEndTests, IPostgresTests
{
    protected override string Provider => "postgres";

    protected override string NewDatabase() => PostgresServer.CreateDatabase("session_nodes");
}
