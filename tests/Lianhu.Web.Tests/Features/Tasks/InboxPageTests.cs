using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianhu.Domain.Access;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Tests.Features.Assessments;
using Lianhu.Web.Tests.Infrastructure;


namespace Lianhu.Web.Tests.Features.Tasks;

/// <summary>The inbox page and its buttons (cookie session, antiforgery), and the tasks panel on the case page.</summary>
public sealed partial class InboxPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task DeclinedWork_IsReassignedFromTheRoutingCentresInbox_ToAnAgencyPickedFromTheList()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(workstation, "en");
        var id = (await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "重新指派", divisionCode = workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<SqliteFactory>.DashHigh)).EnsureSuccessStatusCode();
        var taskId = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .Single(t => t.GetProperty("agencyId").GetGuid() == station.Agency.Id).GetProperty("id").GetGuid();
        using (var stationApi = await factory.ClientAsAsync(station, "en"))
        {
            (await stationApi.PostAsJsonAsync($"/api/v1/tasks/{taskId}/decline", new { reason = "不属本所辖区" })).EnsureSuccessStatusCode();
        }

        var reassignment = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "reassignment" && t.GetProperty("parentTaskId").GetGuid() == taskId);
        var reassignmentId = reassignment.GetProperty("id").GetGuid();
        var centre = factory.City.Accounts.First(a => a.Agency.Id == reassignment.GetProperty("agencyId").GetGuid() && a.Role == Role.Caseworker);
        var other = factory.City.Agencies.First(a => a.Type == AgencyType.PoliceStation && a.Id != station.Agency.Id && a.Division.Value.StartsWith("440306", StringComparison.Ordinal));

        using var ui = await UiSession.SignInAsync(factory, centre, "zh-CN");
        var page = await ui.Client.GetStringAsync("/inbox");
        page.ShouldContain($"inbox/tasks/{reassignmentId}/reassign");
        page.ShouldContain($"<option value=\"{other.Id}\">{other.Name}</option>");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using (var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("text", other.Id.ToString())]))
        {
            var response = await ui.Client.PostAsync($"/inbox/tasks/{reassignmentId}/reassign", form);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe("/inbox");
        }

        var tasks = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().ToList();
        tasks.Single(t => t.GetProperty("id").GetGuid() == reassignmentId).GetProperty("status").GetString().ShouldBe("completed");
        tasks.ShouldContain(t => t.GetProperty("agencyId").GetGuid() == other.Id && t.GetProperty("parentTaskId").GetGuid() == reassignmentId);
    }

    [Fact]
    public async Task TheStation_AcceptsAndDeclinesFromTheInbox_AndTheCasePageListsTheTasks()
    {
        var station = factory.Account(AgencyType.PoliceStation, "440306");
        var workstation = factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation
            && a.Agency.Division.Value.StartsWith(station.Agency.Division.Value, StringComparison.Ordinal) && a.Role == Role.Caseworker);
        using var lead = await factory.ClientAsAsync(workstation, "en");
        var created = await (await lead.PostAsJsonAsync("/api/v1/cases", new { channel = "hotline", summary = "页面测试", divisionCode = workstation.Agency.Division.Value }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", TaskApiTests<SqliteFactory>.DashHigh)).EnsureSuccessStatusCode();
        var taskId = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
            .Single(t => t.GetProperty("agencyId").GetGuid() == station.Agency.Id).GetProperty("id").GetGuid();

        using var ui = await UiSession.SignInAsync(factory, station);
        var page = await ui.Client.GetStringAsync("/inbox");
        page.ShouldContain(created.GetProperty("number").GetString()!);
        page.ShouldContain("data-inbox-count");
        page.ShouldContain("js/inbox.js");
        page.ShouldNotContain("页面测试"); // no case content in the inbox

        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using (var refused = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("text", "")]))
        {
            var response = await ui.Client.PostAsync($"/inbox/tasks/{taskId}/complete", refused);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe("/inbox?error=task.illegal-move");
        }

        (await ui.Client.GetStringAsync("/inbox?error=task.illegal-move")).ShouldContain("data-testid=\"inbox-error\"");
        using (var accept = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))
        {
            var response = await ui.Client.PostAsync($"/inbox/tasks/{taskId}/accept", accept);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().ShouldBe("/inbox");
        }

        using (var noToken = new FormUrlEncodedContent([new("text", "x")]))
        {
            (await ui.Client.PostAsync($"/inbox/tasks/{taskId}/complete", noToken)).IsSuccessStatusCode.ShouldBeFalse();
        }

        var task = (await lead.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == taskId);
        task.GetProperty("status").GetString().ShouldBe("accepted");

        using var leadUi = await UiSession.SignInAsync(factory, workstation);
        var casePage = await leadUi.Client.GetStringAsync($"/cases/{id}");
        casePage.ShouldContain("data-testid=\"tasks\"");
        casePage.ShouldContain($"data-task-id=\"{taskId}\"");
        casePage.ShouldContain("high risk → city linkage centre, policy v1 rule 3");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
