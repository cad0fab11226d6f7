using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lianhu.Web.Tests.Features.Clocks;

/// <summary>Settings and helpers shared by the clock tests.</summary>
public static class ClockTestHosts
{
    /// <summary>Scanner off (tests run scans by hand), tokens that outlive the manual clock's jumps.</summary>
    public static readonly KeyValuePair<string, string?>[] ManualScans =
    [
        new("Lianhu:Clocks:Scanner", "false"),
        new("Lianhu:Auth:TokenMinutes", "5256000"),
    ];

    /// <summary>A running scanner that ticks every 100 ms of real time.</summary>
    public static KeyValuePair<string, string?>[] RunningScanner(int batchSize = 50) =>
    [
        new("Lianhu:Clocks:Scanner", "true"),
        new("Lianhu:Clocks:ScanSeconds", "0.1"),
        new("Lianhu:Clocks:BatchSize", batchSize.ToString(CultureInfo.InvariantCulture)),
        new("Lianhu:Auth:TokenMinutes", "5256000"),
    ];

    /// <summary>Now, on a whole minute (readable due times), as the manual clock's starting point.</summary>
    public static DateTimeOffset Start()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
    }

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static async Task<Guid> OpenCaseAsync(HttpClient client, string community)
    {
        // Not police-110: a 110 case gets its return-visit clock by itself (ADR 0013), and these tests count only the clocks they start.
        var response = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "时限测试", divisionCode = community });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> StartClockAsync(HttpClient client, Guid caseId, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/clocks", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One scan of the clock engine in its own DI scope, as the scanner does each tick.</summary>
    public static async Task<ClockSweep.Result> SweepAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClockSweep>().RunOnceAsync();
    }

    public static async Task<T> QueryAsync<T>(IServiceProvider services, Func<LianhuDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LianhuDbContext>());
    }

    public static Task<Clock> ClockAsync(IServiceProvider services, Guid id) =>
        QueryAsync(services, db => db.Clocks.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<int> BreachesAsync(IServiceProvider services, Guid clockId) =>
        QueryAsync(services, db => db.ClockBreaches.CountAsync(b => b.ClockId == clockId));

    public static Task<int> AuditsAsync(IServiceProvider services, string action, Guid clockId) =>
        QueryAsync(services, db => db.AuditEvents.CountAsync(e => e.Action == action && e.EntityId == clockId.ToString()));
}

/// <summary>A test host whose clock the test sets.</summary>
public interface IManualClock
{
    FakeTimeProvider Clock { get; }
}

/// <summary>A test host on SQLite whose clock the test sets; scans run by hand.</summary>
public sealed class ClockSqliteFactory : SqliteFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => ClockTestHosts.ManualScans;
}

/// <summary>A test host on PostgreSQL whose clock the test sets; scans run by hand.</summary>
public sealed class ClockPostgresFactory : PostgresFactory, IManualClock
{
    public FakeTimeProvider Clock { get; } = new(ClockTestHosts.Start());

    protected override TimeProvider? Time => Clock;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => ClockTestHosts.ManualScans;
}

/// <summary>
/// A host on a database the test owns, so several hosts ("nodes") can share it, one after another
/// (restart) or side by side (race). Disposing the host leaves the database in place.
/// </summary>
public sealed class SharedDatabaseFactory(string provider, string connectionString, FakeTimeProvider clock, IEnumerable<KeyValuePair<string, string?>> settings)
    : LianhuFactory, IManualClock
{
    public FakeTimeProvider Clock => clock;

    public override string Provider => provider;

    protected override string ConnectionString => connectionString;

    protected override TimeProvider? Time => clock;

    /// <summary>
    /// Nodes of one database share one key ring, as deployed nodes must: a node that cannot open the
    /// stored data-protection key refuses to start rather than sign everyone out (ADR 0030).
    /// </summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        settings.Any(s => s.Key == "Lianhu:Encryption:KeyRingPath") ? settings : [.. settings, new("Lianhu:Encryption:KeyRingPath", SharedRing(connectionString))];

    private static string SharedRing(string connectionString) => Path.Combine(
        Path.GetTempPath(), "lianhu-test-keys-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connectionString)))[..24]);
}
