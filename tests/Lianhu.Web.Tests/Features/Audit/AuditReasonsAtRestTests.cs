using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Audit;

/// <summary>
/// Issue 12, finding 10: the free text staff type when rejecting or reopening a closure, and a
/// clock's outcome, are encrypted at rest; the auditor sees that a reason was given, not the text.
/// </summary>
public abstract class AuditReasonsAtRestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string RejectReason = "回访记录缺少受害人签字-REJECTTEXT";
    private const string ReopenReason = "邻居再次报警-REOPENTEXT";
    private const string ClockOutcome = "已送往亲属家中-OUTCOMETEXT";

    [ProviderFact]
    public async Task RejectAndReopenReasons_AndClockOutcomes_AreEncryptedAtRest_AndHiddenFromTheAuditList()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440304");
        using var lead = await factory.ClientAsAsync(worker);
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor));
        var id = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "理由加密", divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clock = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/clocks", new { rule = "shelter-stay", at = DateTimeOffset.UtcNow.ToString("O") });
        var clockId = (await clock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/clocks/{clockId}/complete", new { outcome = ClockOutcome })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已安置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.PostAsJsonAsync($"/api/v1/cases/{id}/reject-closure", new { reason = RejectReason })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已安置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/reopen", new { reason = ReopenReason })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var storedReasons = await db.Database.SqlQuery<string>($"SELECT \"Reason\" AS \"Value\" FROM audit_events WHERE \"EntityId\" = {id.ToString()} AND \"Reason\" IS NOT NULL").ToListAsync();
            storedReasons.Count.ShouldBe(2);
            storedReasons.ShouldAllBe(r => !r.Contains("TEXT"));
            var storedOutcome = await db.Database.SqlQuery<string>($"SELECT \"Outcome\" AS \"Value\" FROM clocks WHERE \"Id\" = {clockId}").SingleAsync();
            storedOutcome.ShouldNotContain("OUTCOMETEXT");
        }

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/clocks/{clockId}")).GetProperty("outcome").GetString().ShouldBe(ClockOutcome);
        using var auditor = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440300", Role.Auditor));
        var page = await auditor.GetStringAsync($"/api/v1/audit-events?entityId={id}");
        page.ShouldNotContain("REJECTTEXT");
        page.ShouldNotContain("REOPENTEXT");
        var items = JsonDocument.Parse(page).RootElement.GetProperty("items").EnumerateArray().ToList();
        items.Single(e => e.GetProperty("action").GetString() == "case.closure-reject").GetProperty("hasReason").GetBoolean().ShouldBeTrue();
        items.Single(e => e.GetProperty("action").GetString() == "case.reopen").GetProperty("hasReason").GetBoolean().ShouldBeTrue();
    }
}

public sealed class AuditReasonsAtRestTests_Sqlite(SqliteFactory factory) : AuditReasonsAtRestTests<SqliteFactory>(factory);

public sealed class AuditReasonsAtRestTests_Postgres(PostgresFactory factory) : AuditReasonsAtRestTests<PostgresFactory>(factory), IPostgresTests;
