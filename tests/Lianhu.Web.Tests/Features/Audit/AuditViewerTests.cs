using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Audit;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Audit;

/// <summary>"Who has viewed this case" for the lead and supervisors; the audit viewer for auditors.</summary>
public abstract class AuditViewerTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task LeadSupervisor_SeesWhoReadTheCase_OthersDoNot()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440305");
        var community = worker.Agency.Division.Value;
        using var lead = await factory.ClientAsAsync(worker);
        var id = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "查看记录", divisionCode = community }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var centre = factory.Account(AgencyType.LinkageCentre, "440305", Role.Caseworker);
        using (var reader = await factory.ClientAsAsync(centre))
        {
            (await reader.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var supervisor = await factory.ClientAsAsync(factory.City.Accounts.First(a => a.Agency.Id == worker.Agency.Id && a.Role == Role.Supervisor));
        var viewers = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/viewers");
        var row = viewers.EnumerateArray().Single(v => v.GetProperty("userId").GetGuid() == centre.UserId);
        row.GetProperty("views").GetInt32().ShouldBe(1);
        row.GetProperty("agencyName").GetString().ShouldBe(centre.Agency.Name);

        (await lead.GetAsync($"/api/v1/cases/{id}/viewers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden); // in scope, not a reviewer: 403 (ADR 0027)
        using var stranger = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor));
        (await stranger.GetAsync($"/api/v1/cases/{id}/viewers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Auditor_FiltersEventsByCase_NonAuditorsAreForbidden()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440306");
        using var lead = await factory.ClientAsAsync(worker);
        var id = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "审计查询", divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await lead.GetAsync($"/api/v1/cases/{id}");

        using var auditor = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Auditor));
        var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?entityId={id}");
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Order().ShouldBe(["case.create", "case.read"]);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(e => e.GetProperty("username").GetString() == worker.Username);

        (await lead.GetAsync("/api/v1/audit-events")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await auditor.GetAsync($"/api/v1/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task AProbe_IsRecordedWithTheCaseId_AndTheAuditorFindsIt()
    {
        var prober = factory.Account(AgencyType.PoliceStation, "440306");
        var probed = Guid.CreateVersion7();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordProbe(new AuditActor(prober.UserId, prober.Agency.Id, "caseworker", null), probed);
            await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().SaveChangesAsync();
        }

        using var auditor = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Auditor));
        var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?action=probe.not-found&userId={prober.UserId}");
        var probe = page.GetProperty("items").EnumerateArray().Single();
        probe.GetProperty("caseId").GetGuid().ShouldBe(probed);
        probe.GetProperty("entityId").GetString().ShouldBe(probed.ToString());
    }
}

public sealed class AuditViewerTests_Sqlite(SqliteFactory factory) : AuditViewerTests<SqliteFactory>(factory);

public sealed class AuditViewerTests_Postgres(PostgresFactory factory) : AuditViewerTests<PostgresFactory>(factory), IPostgresTests;
