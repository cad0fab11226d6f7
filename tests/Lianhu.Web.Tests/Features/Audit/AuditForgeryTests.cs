using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Audit;

/// <summary>
/// Issue 12, finding 9: the audit trail forged by someone who controls the database (and the anchor
/// file's directory, but not the key ring) — each forgery makes verification fail naming the event.
/// Each test forges a chain of its own host, so one forgery never masks another.
/// </summary>
public abstract class AuditForgeryTests<TFactory>
    where TFactory : LianhuFactory, new()
{
    [ProviderFact]
    public async Task UnsealedRowInsertedInTheDatabase_IsNeverSealed_AndVerifyNamesIt()
    {
        await using var factory = await HostAsync();
        var id = await CaseWithReadsAsync(factory, reads: 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();

        var source = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).OrderBy(e => e.At).Select(e => e.Id).FirstAsync();
        var forged = Guid.CreateVersion7();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_events ("Id", "At", "UserId", "AgencyId", "Role", "Action", "EntityType", "EntityId", "Section", "Reason", "ClientAddress")
            SELECT {forged}, "At", "UserId", "AgencyId", "Role", 'case.read', "EntityType", "EntityId", "Section", "Reason", "ClientAddress" FROM audit_events WHERE "Id" = {source}
            """);

        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == forged)).ChainIndex.ShouldBeNull();
        report.Break.ShouldNotBeNull();
        report.Break!.EventId.ShouldBe(forged);
        await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE \"Id\" = {forged}");
    }

    [ProviderFact]
    public async Task NewestEventsDeletedTogetherWithTheAnchor_FailsVerify()
    {
        await using var factory = await HostAsync();
        await CaseWithReadsAsync(factory, reads: 3);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        (await verifier.VerifyAsync()).Break.ShouldBeNull();

        var head = await db.AuditEvents.AsNoTracking().MaxAsync(e => e.ChainIndex) ?? 0;
        await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE \"ChainIndex\" > {head - 2}");
        File.Delete(scope.ServiceProvider.GetRequiredService<AuditAnchor>().Path);

        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var report = await verifier.VerifyAsync();

        report.Break.ShouldNotBeNull();
        report.Break!.Reason.ShouldContain("anchor is missing");

        // Someone holding the key ring may re-anchor the chain as it now stands; it is reported.
        (await verifier.VerifyAsync(reAnchor: true)).ReAnchored.ShouldNotBeNull();
        (await verifier.VerifyAsync()).Break.ShouldBeNull();
    }

    [ProviderFact]
    public async Task NewestEventsDeleted_FailsVerifyNamingTheAnchoredHead()
    {
        await using var factory = await HostAsync();
        await CaseWithReadsAsync(factory, reads: 2);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.ChainIndex).FirstAsync();
        var anchor = scope.ServiceProvider.GetRequiredService<AuditAnchor>();
        for (var i = 0; i < 50 && anchor.Read()?.Index != head.ChainIndex; i++)
        {
            await Task.Delay(100); // the background sealer anchors right after its commit
        }

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(anchor.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite); // owner-only, like the key ring
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE \"ChainIndex\" >= {head.ChainIndex}");
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        report.Break.ShouldNotBeNull();
        report.Break!.EventId.ShouldBe(head.Id, report.Break.Reason);
        report.Break.Reason.ShouldContain("shorter than the anchor");
    }

    [ProviderFact]
    public async Task SealedEventEditedAndTheChainRecomputed_FailsVerifyNamingTheEditedEvent()
    {
        await using var factory = await HostAsync();
        var id = await CaseWithReadsAsync(factory, reads: 3);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();

        // The attacker turns the first read into a creation and recomputes every hash after it.
        var victim = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString() && e.Action == "case.read").OrderBy(e => e.ChainIndex).FirstAsync();
        await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET \"Action\" = 'case.create' WHERE \"Id\" = {victim.Id}");
        var previous = victim.PreviousHash!;
        foreach (var e in await db.AuditEvents.AsNoTracking().Where(e => e.ChainIndex >= victim.ChainIndex).OrderBy(e => e.ChainIndex).ToListAsync())
        {
            var hash = AuditChain.HashOf(e, previous);
            await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET \"PreviousHash\" = {previous}, \"Hash\" = {hash} WHERE \"Id\" = {e.Id}");
            previous = hash;
        }

        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        report.Break.ShouldNotBeNull();
        report.Break!.EventId.ShouldBe(victim.Id);
    }

    [ProviderFact]
    public async Task AnOlderAnchorPutBack_FailsVerify()
    {
        await using var factory = await HostAsync();
        await CaseWithReadsAsync(factory, reads: 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var anchor = scope.ServiceProvider.GetRequiredService<AuditAnchor>();
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var older = await File.ReadAllTextAsync(anchor.Path);

        await CaseWithReadsAsync(factory, reads: 1);
        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        await File.WriteAllTextAsync(anchor.Path, older);
        var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();

        report.Break.ShouldNotBeNull();
        report.Break!.Reason.ShouldContain("anchor");
    }

    private static async Task<TFactory> HostAsync()
    {
        var factory = new TFactory();
        await factory.InitializeAsync();
        return factory;
    }

    private static async Task<Guid> CaseWithReadsAsync(TFactory factory, int reads)
    {
        var account = factory.Account(AgencyType.PoliceStation, "440306");
        using var client = await factory.ClientAsAsync(account);
        var community = factory.Account(AgencyType.CommunityWorkstation, account.Agency.Division.Value).Agency.Division.Value;
        var created = await client.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary = "伪造审计", divisionCode = community });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < reads; i++)
        {
            (await client.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        return id;
    }
}

public sealed class AuditForgeryTests_Sqlite : AuditForgeryTests<SqliteFactory>;

public sealed class AuditForgeryTests_Postgres : AuditForgeryTests<PostgresFactory>, IPostgresTests;
