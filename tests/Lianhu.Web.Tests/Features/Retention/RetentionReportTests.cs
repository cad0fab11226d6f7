using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Cases;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Tests.Features.Retention;

/// <summary>
/// The retention job for the city's administrators: a dry-run report by case number and dates, and
/// an apply that needs the typed confirmation and is audited under the admin's name. Five years pass
/// on the host's manual clock.
/// </summary>
public abstract class RetentionReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private DemoAccount Worker => factory.Account(AgencyType.CommunityWorkstation, "440304");

    private DemoAccount CityAdmin => factory.Account(AgencyType.LinkageCentre, "440300", Role.Sysadmin);

    private async Task<(Guid Id, string Number)> ClosedCaseAsync(HttpClient lead, HttpClient centre, string summary)
    {
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary, divisionCode = Worker.Agency.Division.Value })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { summary = "已妥善处置" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await centre.PostAsync($"/api/v1/cases/{id}/approve-closure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (id, created.GetProperty("number").GetString()!);
    }

    private static List<string> Numbers(JsonElement report, string list) => [.. report.GetProperty(list).EnumerateArray().Select(c => c.GetProperty("number").GetString()!)];

    [ProviderFact]
    public async Task TheCityAdmin_SeesTheDryRunByNumberAndDate_AndAppliesItOnlyWithTheTypedConfirmation()
    {
        using var lead = await factory.ClientAsAsync(Worker, "en");
        using var centre = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Supervisor));
        using var admin = await factory.ClientAsAsync(CityAdmin, "en");
        var old = await ClosedCaseAsync(lead, centre, "将被匿名化的案件 张三");
        factory.Clock.Advance(TimeSpan.FromDays(60));
        var recent = await ClosedCaseAsync(lead, centre, "稍后满期的案件 李四");
        factory.Clock.Advance(TimeSpan.FromDays((5 * 365) + 2 - 60));

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/retention/report");
        report.GetProperty("anonymiseAfterYears").GetInt32().ShouldBe(5);
        Numbers(report, "due").ShouldBe([old.Number]);
        Numbers(report, "upcoming").ShouldBe([recent.Number]);
        var upcoming = report.GetProperty("upcoming")[0];
        upcoming.GetProperty("anonymiseFrom").GetDateTimeOffset().ShouldBe(upcoming.GetProperty("closedAt").GetDateTimeOffset().AddYears(5));
        report.GetProperty("confirmation").GetString().ShouldBe("ANONYMISE-1");
        report.GetProperty("applied").GetBoolean().ShouldBeFalse();
        report.GetRawText().ShouldNotContain("张三");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{old.Id}")).GetProperty("summary").GetString()!.ShouldContain("张三");

        // Only the city's system administrators run it.
        using var district = await factory.ClientAsAsync(factory.Account(AgencyType.LinkageCentre, "440304", Role.Sysadmin), "en");
        var refused = await district.GetAsync("/api/v1/admin/retention/report");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("retention.city-only");
        (await district.PostAsJsonAsync("/api/v1/admin/retention/apply", new { confirmation = "ANONYMISE-1" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lead.GetAsync("/api/v1/admin/retention/report")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var wrong = await admin.PostAsJsonAsync("/api/v1/admin/retention/apply", new { confirmation = "ANONYMISE-2" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("confirmation")[0].GetString()!.ShouldContain("ANONYMISE-1");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{old.Id}")).GetProperty("summary").GetString()!.ShouldContain("张三");

        var applied = await admin.PostAsJsonAsync("/api/v1/admin/retention/apply", new { confirmation = "ANONYMISE-1" });
        applied.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean().ShouldBeTrue();
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{old.Id}")).GetProperty("summary").GetString()!.ShouldNotContain("张三");
        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{recent.Id}")).GetProperty("summary").GetString()!.ShouldContain("李四");

        var adminId = CityAdmin.UserId;
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.AuditEvents.CountAsync(e => e.Action == "retention.apply" && e.UserId == adminId))).ShouldBe(1);
        (await ClockTestHosts.QueryAsync(factory.Services, db => db.AuditEvents.CountAsync(e => e.Action == "case.anonymise" && e.EntityId == old.Id.ToString() && e.UserId == adminId))).ShouldBe(1);
        Numbers(await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/retention/report"), "due").ShouldBeEmpty();
    }
}

public sealed class RetentionReportTests_Sqlite(ClockSqliteFactory factory) : RetentionReportTests<ClockSqliteFactory>(factory);

public sealed class RetentionReportTests_Postgres(ClockPostgresFactory factory) : RetentionReportTests<ClockPostgresFactory>(factory), IPostgresTests;
