using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Sharing;

/// <summary>The case page's consent panel: a held task shows, recording consent through the form releases it, withdrawing ends it.</summary>
public abstract class ConsentPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Lead => factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value.StartsWith("440304", StringComparison.Ordinal) && a.Role == Role.Caseworker);

    [ProviderFact]
    public async Task TheLead_RecordsAndWithdrawsConsent_OnTheCasePage()
    {
        using var api = await factory.ClientAsAsync(Lead, "en");
        var created = await (await api.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "同意测试", divisionCode = Lead.Agency.Division.Value })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/routing", new { needs = new[] { "counselling" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var centre = factory.City.Agencies.Single(a => a.Type == AgencyType.CounsellingCentre && a.Division.Value == "440304");
        using var ui = await UiSession.SignInAsync(factory, Lead);

        var page = await ui.Client.GetStringAsync($"/cases/{caseId}");
        page.ShouldContain("data-testid=\"consents\"");
        page.ShouldContain("Held: consent needed");
        page.ShouldContain($"value=\"agency:{centre.Id}\"");

        var expires = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await ui.PostFormAsync($"/cases/{caseId}", page, "consent-record",
        [
            new("Input.Basis", "consent"), new("Input.Agency", $"agency:{centre.Id}"), new("Input.Sections", "identity"), new("Input.Sections", "counselling"),
            new("Input.ExpiresAt", expires), new("Input.GivenBy", "victim"), new("Input.Method", "written"), new("Input.Note", "书面同意"),
        ]);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        recorded.Headers.Location!.ToString().ShouldContain("?consent=recorded&released=1");
        var html = await ui.Client.GetStringAsync($"/cases/{caseId}?consent=recorded&released=1");
        html.ShouldContain("Recorded; 1 held task(s) released.");
        html.ShouldContain("data-state=\"in-force\"");
        html.ShouldNotContain("Held: consent needed");
        System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\ssrc=)").ShouldBeEmpty("no inline script (CSP)");

        var consentId = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/consents"))[0].GetProperty("id").GetGuid();
        var withdrawn = await ui.PostFormAsync($"/cases/{caseId}", html, "consent-withdraw", [new("WithdrawInput.ConsentId", consentId.ToString()), new("WithdrawInput.Reason", "撤回")]);
        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ui.Client.GetStringAsync($"/cases/{caseId}?consent=withdrawn")).ShouldContain("data-state=\"withdrawn\"");
    }

    [ProviderFact]
    public async Task AnInvalidConsent_ShowsTheFieldErrors()
    {
        using var api = await factory.ClientAsAsync(Lead, "en");
        var created = await (await api.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "同意测试", divisionCode = Lead.Agency.Division.Value })).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        using var ui = await UiSession.SignInAsync(factory, Lead);
        var page = await ui.Client.GetStringAsync($"/cases/{caseId}");

        var response = await ui.PostFormAsync($"/cases/{caseId}", page, "consent-record", [new("Input.Basis", "consent")]);

        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("data-testid=\"errors\"");
        html.ShouldContain("Sections shared:");
        html.ShouldContain("Given by:");
    }
}

public sealed class ConsentPageTests_Sqlite(SqliteFactory factory) : ConsentPageTests<SqliteFactory>(factory);

public sealed class ConsentPageTests_Postgres(PostgresFactory factory) : ConsentPageTests<PostgresFactory>(factory), IPostgresTests;
