using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Routing;

/// <summary>
/// The case page's linkage forms (cookie session, antiforgery): refusals come back to the panel as
/// their code and message, a conference decision due on a day already over is refused, and an
/// invited agency finds the scheduled conference in its inbox.
/// </summary>
public sealed partial class CaseLinkageFormsTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task TheForms_ComeBackToThePanel_WithTheRefusal_AndTheInvitedSeeTheConferenceInTheirInbox()
    {
        using var lead = await factory.ClientAsAsync(factory.Workstation(), "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "walk-in", summary = "表单测试", divisionCode = factory.Workstation().Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        using var ui = await UiSession.SignInAsync(factory, factory.Workstation());
        var page = await ui.Client.GetStringAsync($"/cases/{id}");
        page.ShouldContain("data-testid=\"linkage-panel\"");
        page.ShouldContain($"<option value=\"{factory.Station().Agency.Id}\"");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        using (var noToken = new FormUrlEncodedContent([new("agencyId", factory.Station().Agency.Id.ToString()), new("reason", "x")]))
        {
            (await ui.Client.PostAsync($"/cases/{id}/linkage/lead-transfer", noToken)).IsSuccessStatusCode.ShouldBeFalse();
        }

        using (var noReason = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("agencyId", factory.Station().Agency.Id.ToString()), new("reason", "")]))
        {
            var response = await ui.Client.PostAsync($"/cases/{id}/linkage/lead-transfer", noReason);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe($"/cases/{id}?linkage=linkage-ui.invalid.reason#linkage");
        }

        (await ui.Client.GetStringAsync($"/cases/{id}?linkage=linkage-ui.invalid.reason")).ShouldContain("Give a reason.");
        (await ui.Client.GetStringAsync($"/cases/{id}?linkage=%3Cscript%3E")).ShouldNotContain("data-testid=\"linkage-error\"");

        // The lead calls a conference inviting the district legal aid centre; it is in that centre's inbox.
        var legalAid = factory.Account(AgencyType.LegalAidCentre, "440306");
        using (var call = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("scheduledAt", "2099-01-05T09:30"), new("invited", legalAid.Agency.Id.ToString())]))
        {
            var response = await ui.Client.PostAsync($"/cases/{id}/linkage/conferences", call);
            response.Headers.Location!.ToString().ShouldBe($"/cases/{id}?conferences=done#conferences");
        }

        var conference = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).EnumerateArray().ShouldHaveSingleItem();
        conference.GetProperty("scheduledAt").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2099, 1, 5, 1, 30, 0, TimeSpan.Zero)); // 09:30 in Shanghai
        using var invited = await UiSession.SignInAsync(factory, legalAid);
        var inbox = await invited.Client.GetStringAsync("/inbox");
        var section = inbox[inbox.IndexOf("data-testid=\"inbox-conferences\"", StringComparison.Ordinal)..];
        section.ShouldContain(created.GetProperty("number").GetString()!);
        section.ShouldContain("2099-01-05 09:30");

        // The convener (the district centre) records it; a decision due yesterday is refused and nothing is recorded.
        using var centre = await UiSession.SignInAsync(factory, factory.CentreAt("440306"));
        var centrePage = await centre.Client.GetStringAsync($"/cases/{id}");
        centrePage.ShouldContain("data-testid=\"record-conference\"");
        var centreToken = WebUtility.HtmlDecode(Token().Match(centrePage).Groups[1].Value);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var record = new FormUrlEncodedContent([
            new("__RequestVerificationToken", centreToken), new("attended", factory.CentreAt("440306").Agency.Id.ToString()), new("minutes", "会议纪要"),
            new("decision-text-0", "回访"), new("decision-agency-0", factory.Station().Agency.Id.ToString()), new("decision-due-0", yesterday)]))
        {
            var response = await centre.Client.PostAsync($"/cases/{id}/linkage/conferences/{conference.GetProperty("id").GetGuid()}/record", record);
            response.Headers.Location!.ToString().ShouldBe($"/cases/{id}?conferences=conference.due-hours#conferences");
        }

        (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/conferences")).EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("scheduled");

        // The convener calls it off from the case page: the reason is shown to the invited lead.
        centrePage.ShouldContain("data-testid=\"cancel-conference\"");
        page.ShouldNotContain("data-testid=\"cancel-conference\"");
        var cancelUrl = $"/cases/{id}/linkage/conferences/{conference.GetProperty("id").GetGuid()}/cancel";
        using (var blank = new FormUrlEncodedContent([new("__RequestVerificationToken", centreToken), new("reason", " ")]))
        {
            (await centre.Client.PostAsync(cancelUrl, blank)).Headers.Location!.ToString().ShouldBe($"/cases/{id}?conferences=conference.reason-required#conferences");
        }

        using (var cancel = new FormUrlEncodedContent([new("__RequestVerificationToken", centreToken), new("reason", "已并入市级会商")]))
        {
            (await centre.Client.PostAsync(cancelUrl, cancel)).Headers.Location!.ToString().ShouldBe($"/cases/{id}?conferences=done#conferences");
        }

        var after = await ui.Client.GetStringAsync($"/cases/{id}");
        after.ShouldContain("data-testid=\"conference-cancelled\"");
        after.ShouldContain("已并入市级会商");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
