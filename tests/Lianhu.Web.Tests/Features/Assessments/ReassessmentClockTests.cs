using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Infrastructure;

namespace Lianhu.Web.Tests.Features.Assessments;

/// <summary>An assessment starts the reassessment clock of its level; the next assessment completes it.</summary>
public abstract class ReassessmentClockTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task HighRisk_StartsASevenDayReassessmentClock_AndTheNextAssessmentCompletesIt()
    {
        var worker = factory.Account(AgencyType.CommunityWorkstation, "440305");
        using var client = await factory.ClientAsAsync(worker, "en");
        var caseId = (await (await client.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "复评时钟", divisionCode = worker.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var first = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 15) });
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        var clocks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks");
        var clock = clocks.EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "reassessment-high");
        clock.GetProperty("state").GetString().ShouldBe("pending");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        clock.GetProperty("lastDay").GetString().ShouldBe(today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 3) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        clocks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/clocks");
        clocks.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == clock.GetProperty("id").GetGuid()).GetProperty("state").GetString().ShouldBe("completed");
        clocks.EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "reassessment-low").GetProperty("state").GetString().ShouldBe("pending");
    }
}

public sealed class ReassessmentClockTests_Sqlite(SqliteFactory factory) : ReassessmentClockTests<SqliteFactory>(factory);

public sealed class ReassessmentClockTests_Postgres(PostgresFactory factory) : ReassessmentClockTests<PostgresFactory>(factory), IPostgresTests;
