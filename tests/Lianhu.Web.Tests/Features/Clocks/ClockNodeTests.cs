using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Lianhu.Web.Tests.Features.Clocks.ClockTestHosts;

namespace Lianhu.Web.Tests.Features.Clocks;

/// <summary>
/// Several hosts ("nodes") on one database: a node stopped before a due time and a new one started
/// after it fires the clock once; two nodes racing fire every reminder and every breach exactly once.
/// </summary>
public abstract class ClockNodeTests
{
    private const int RaceClocks = 50;

    protected abstract string Provider { get; }

    protected abstract string NewDatabase();

    private SharedDatabaseFactory Node(string connectionString, FakeTimeProvider clock, IEnumerable<KeyValuePair<string, string?>> settings) =>
        new(Provider, connectionString, clock, settings);

    private static async Task<(Guid Case, HttpClient Client)> CaseAsync(LianhuFactory node)
    {
        var workstation = node.Account(AgencyType.CommunityWorkstation, "440306");
        var client = await node.ClientAsAsync(workstation, "en");
        return (await OpenCaseAsync(client, workstation.Agency.Division.Value), client);
    }

    [ProviderFact]
    public async Task ANodeStoppedBeforeTheDueTime_AndANewNodeStartedAfterIt_FiresTheClockOnce()
    {
        var database = NewDatabase();
        var clock = new FakeTimeProvider(Start());
        Guid id;
        await using (var first = Node(database, clock, RunningScanner()))
        {
            await first.InitializeAsync();
            var (caseId, client) = await CaseAsync(first);
            using (client)
            {
                id = (await StartClockAsync(client, caseId, new { rule = "po-police-verification", at = Iso(clock.GetUtcNow()) })).GetProperty("id").GetGuid();
            }

            await Task.Delay(300); // the first node's scanner runs a few times: nothing is due
            (await ClockAsync(first.Services, id)).State.ShouldBe(ClockState.Pending);
        }

        // Down across the reminder and the due time.
        clock.Advance(TimeSpan.FromHours(25));

        await using (var second = Node(database, clock, RunningScanner()))
        {
            await second.InitializeAsync();
            await WaitUntilAsync(async () => (await ClockAsync(second.Services, id)).State == ClockState.Breached);
            await Task.Delay(500); // several more scans after the breach
        }

        await using var third = Node(database, clock, RunningScanner());
        await third.InitializeAsync();
        await Task.Delay(500);

        (await ClockAsync(third.Services, id)).State.ShouldBe(ClockState.Breached);
        (await BreachesAsync(third.Services, id)).ShouldBe(1);
        (await AuditsAsync(third.Services, "clock.breach", id)).ShouldBe(1);
        (await AuditsAsync(third.Services, "clock.remind", id)).ShouldBe(0);
    }

    [ProviderFact]
    public async Task TwoNodesRacing_FireEachReminderAndEachBreachExactlyOnce()
    {
        var database = NewDatabase();
        var clock = new FakeTimeProvider(Start());
        KeyValuePair<string, string?>[] smallBatches = [.. ManualScans, new("Lianhu:Clocks:BatchSize", "5")];
        await using var a = Node(database, clock, smallBatches);
        await a.InitializeAsync();
        await using var b = Node(database, clock, smallBatches);
        await b.InitializeAsync();

        var ids = new List<Guid>();
        var (caseId, client) = await CaseAsync(a);
        using (client)
        {
            for (var i = 0; i < RaceClocks; i++)
            {
                ids.Add((await StartClockAsync(client, caseId, new { rule = "po-police-verification", at = Iso(clock.GetUtcNow()) })).GetProperty("id").GetGuid());
            }
        }

        clock.Advance(TimeSpan.FromHours(18)); // every reminder is due, no breach yet
        var reminders = await RaceAsync(a, b);
        clock.Advance(TimeSpan.FromHours(6)); // every clock is due
        var breaches = await RaceAsync(a, b);

        reminders.Sum(r => r.Reminded).ShouldBe(RaceClocks);
        reminders.Sum(r => r.Breached).ShouldBe(0);
        breaches.Sum(r => r.Breached).ShouldBe(RaceClocks);
        breaches.Sum(r => r.Reminded).ShouldBe(0);
        var counts = await QueryAsync(a.Services, async db => new
        {
            Breached = await db.Clocks.CountAsync(c => ids.Contains(c.Id) && c.State == ClockState.Breached),
            BreachRows = await db.ClockBreaches.Where(x => ids.Contains(x.ClockId)).Select(x => x.ClockId).Distinct().CountAsync(),
            AllBreachRows = await db.ClockBreaches.CountAsync(x => ids.Contains(x.ClockId)),
            BreachAudits = await db.AuditEvents.CountAsync(e => e.Action == "clock.breach"),
            RemindAudits = await db.AuditEvents.CountAsync(e => e.Action == "clock.remind"),
            StillClaimed = await db.Clocks.CountAsync(c => ids.Contains(c.Id) && c.ClaimOwner != null),
        });
        counts.Breached.ShouldBe(RaceClocks);
        counts.BreachRows.ShouldBe(RaceClocks);
        counts.AllBreachRows.ShouldBe(RaceClocks);
        counts.BreachAudits.ShouldBe(RaceClocks);
        counts.RemindAudits.ShouldBe(RaceClocks);
        counts.StillClaimed.ShouldBe(0);
    }

    /// <summary>Two scanners per node, all at once, round after round until nothing is left to claim.</summary>
    private static async Task<List<ClockSweep.Result>> RaceAsync(params LianhuFactory[] nodes)
    {
        var all = new List<ClockSweep.Result>();
        for (var round = 0; round < 30; round++)
        {
            var results = await Task.WhenAll(nodes.SelectMany(n => new[] { SweepAsync(n.Services), SweepAsync(n.Services) }));
            all.AddRange(results);
            if (results.All(r => r.Claimed == 0))
            {
                return all;
            }
        }

        throw new ShouldAssertException("The scanners were still claiming clocks after 30 rounds.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new ShouldAssertException("The scanner did not fire the clock within 15 s.");
    }
}

public sealed class ClockNodeTests_Sqlite : ClockNodeTests, IDisposable
{
    private readonly List<string> files = [];

    protected override string Provider => "sqlite";

    protected override string NewDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lianhu-clock-nodes-{Guid.NewGuid():N}.db");
        files.Add(file);
        return $"Data Source={file}";
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in files.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            File.Delete(file);
        }
    }
}

public sealed class ClockNodeTests_Postgres : ClockNodeTests, IPostgresTests
{
    protected override string Provider => "postgres";

    protected override string NewDatabase() => PostgresServer.CreateDatabase("clock_nodes");
}
