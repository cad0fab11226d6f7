using Lianhu.Domain.Access;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Data;

/// <summary>
/// On SQLite every writer of the process queues at one gate per database file, so a background
/// write transaction (audit sealing, clock claims) makes a request's save wait its turn instead
/// of failing into the driver's SQLITE_BUSY sleep-and-retry.
/// </summary>
public sealed class SqliteWriteGateTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    /// <summary>An event as the audit trail writes it: with its MAC, or the sealer would refuse it.</summary>
    private AuditEvent Probe(string action)
    {
        var e = AuditEvent.Record(Guid.CreateVersion7(), DateTimeOffset.UtcNow, AuditActor.System, action, "test", null);
        factory.Services.GetRequiredService<AuditSignature>().Sign(e);
        return e;
    }

    [Fact]
    public async Task ASave_WaitsForAnOpenWriteTransaction_ThenCommits()
    {
        _ = factory.Services; // start the host (migrated database)
        await using var holderScope = factory.Services.CreateAsyncScope();
        await using var saverScope = factory.Services.CreateAsyncScope();
        var holder = holderScope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var saver = saverScope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var action = "gate-" + Guid.NewGuid().ToString("N")[..8];

        Task<int> save;
        await using (var tx = await holder.BeginWriteTransactionAsync(CancellationToken.None))
        {
            holder.AuditEvents.Add(Probe(action + "-held"));
            await holder.SaveChangesAsync();

            saver.AuditEvents.Add(Probe(action));
            save = saver.SaveChangesAsync();
            await Task.Delay(300);
            save.IsCompleted.ShouldBeFalse("the save must queue behind the open write transaction");
            await tx.CommitAsync(CancellationToken.None);
        }

        (await save.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(1);
        (await saver.AuditEvents.CountAsync(e => e.Action.StartsWith(action))).ShouldBe(2);
    }

    [Fact]
    public async Task TheSealer_SealsABatch_InOneStatement_AndTheChainVerifies()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        for (var i = 0; i < 25; i++)
        {
            db.AuditEvents.Add(Probe("seal-batch"));
        }

        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(batchSize: 10);

        (await db.AuditEvents.CountAsync(e => e.ChainIndex == null)).ShouldBe(0);
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        report.Break.ShouldBeNull();
    }
}
