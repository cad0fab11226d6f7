using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Web.Tests.Features.Intake;

namespace Lianhu.Web.Tests.Features.Archive;

/// <summary>Closing a case the way the lead and the supervising centre do it, for the archive and feedback tests.</summary>
internal static class ClosedCases
{
    /// <summary>Completes whatever clock still runs (visit plans, statutory periods), puts the case forward and has the centre approve.</summary>
    public static async Task CloseAsync(HttpClient lead, HttpClient centre, Guid caseId, string summary, string outcome)
    {
        foreach (var clock in (await lead.JsonAsync($"/api/v1/cases/{caseId}/clocks")).EnumerateArray().Where(c => c.GetProperty("state").GetString() is "pending" or "reminded" && !c.GetProperty("rule").GetString()!.StartsWith("reassessment-", StringComparison.Ordinal)))
        {
            var done = await lead.PostAsJsonAsync($"/api/v1/clocks/{clock.Id()}/complete", new { outcome = "done" });
            done.StatusCode.ShouldBe(HttpStatusCode.OK, clock.GetProperty("rule").GetString() + " " + await done.Content.ReadAsStringAsync());
        }

        var put = await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/close", new { summary, outcome });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var approved = await centre.PostAsync($"/api/v1/cases/{caseId}/approve-closure", null);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("closed");
    }
}
