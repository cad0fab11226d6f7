using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Retention;
using Lianhu.Web.Tests.Features.Cases;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Retention;

/// <summary>Retention: a dry run reports and changes nothing; the applied job anonymises closed cases and is audited.</summary>
public abstract class RetentionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task DryRunReports_ApplyAnonymisesClosedCasesOnly_AndIsAudited()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440305");
        using var lead = await factory.ClientAsAsync(worker);
        async Task<Guid> OpenAsync(string summary) => (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary, divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var closed = await OpenAsync("将被匿名化的案件 张三 13800000000");
        var open = await OpenAsync("仍在办理的案件");
        (await lead.PostAsJsonAsync($"/api/v1/cases/{closed}/visits", new { method = "phone", outcome = "safe", note = "与张三通话" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{closed}/close", new { summary = "张三已搬离" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440305", Role.Supervisor));
        (await centre.PostAsync($"/api/v1/cases/{closed}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var dry = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(0, dryRun: true, CancellationToken.None);
            dry.Cases.ShouldBeGreaterThanOrEqualTo(1);
            dry.Items["visit-notes"].ShouldBeGreaterThanOrEqualTo(1);
        }

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{closed}")).GetProperty("summary").GetString()!.ShouldContain("张三");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(0, dryRun: false, CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            (await db.AuditEvents.AnyAsync(e => e.Action == "case.anonymise" && e.EntityId == closed.ToString())).ShouldBeTrue();
            (await db.Visits.Where(v => v.CaseId == closed).Select(v => v.Note).SingleAsync()).ShouldBeNull();
        }

        var after = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{closed}");
        after.GetProperty("summary").GetString()!.ShouldNotContain("张三");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{open}")).GetProperty("summary").GetString().ShouldBe("仍在办理的案件");
    }
}

public sealed class RetentionTests_Sqlite(SqliteFactory factory) : RetentionTests<SqliteFactory>(factory);

public sealed class RetentionTests_Postgres(PostgresFactory factory) : RetentionTests<PostgresFactory>(factory), IPostgresTests;
