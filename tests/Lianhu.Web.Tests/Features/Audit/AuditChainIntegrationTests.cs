using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Audit;

/// <summary>Creates and reads are audited and chained; editing or deleting a row in the database is detected.</summary>
public abstract class AuditChainIntegrationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task CreateAndRead_AreAudited_Chained_AndTamperingIsDetected()
    {
        var account = factory.Account(AgencyType.PoliceStation, "440306");
        using var client = await factory.ClientAsAsync(account);
        var community = factory.Account(AgencyType.CommunityWorkstation, account.Agency.Division.Value).Agency.Division.Value;
        var id = (await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "police-110", summary = "审计测试", divisionCode = community }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await client.GetAsync($"/api/v1/cases/{id}");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id.ToString()).OrderBy(e => e.At).ToListAsync();
        events.Select(e => e.Action).ShouldBe(["case.create", "case.read"]);
        events.ShouldAllBe(e => e.UserId == account.UserId && e.AgencyId == account.Agency.Id && e.Role == "caseworker");

        await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        (await verifier.VerifyAsync()).Break.ShouldBeNull();

        var victim = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == id.ToString() && e.Action == "case.read");
        await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET \"Action\" = 'case.list' WHERE \"Id\" = {victim.Id}");
        var report = await verifier.VerifyAsync();
        report.Break.ShouldNotBeNull();
        report.Break!.EventId.ShouldBe(victim.Id);

        await db.Database.ExecuteSqlAsync($"UPDATE audit_events SET \"Action\" = 'case.read' WHERE \"Id\" = {victim.Id}");
        (await verifier.VerifyAsync()).Break.ShouldBeNull();
        await db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE \"Id\" = {victim.Id}");
        (await verifier.VerifyAsync()).Break.ShouldNotBeNull();
    }
}

public sealed class AuditChainIntegrationTests_Sqlite(SqliteFactory factory) : AuditChainIntegrationTests<SqliteFactory>(factory);

public sealed class AuditChainIntegrationTests_Postgres(PostgresFactory factory) : AuditChainIntegrationTests<PostgresFactory>(factory), IPostgresTests;
