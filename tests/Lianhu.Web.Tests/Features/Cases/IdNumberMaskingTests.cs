using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Tests.Features.Cases;

/// <summary>Issue 14 item 5: ID numbers masked on screen, shown in full on request (audited) to readers of identity; phones grouped.</summary>
public abstract class IdNumberMaskingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    [ProviderFact]
    public async Task TheCasePage_MasksTheIdNumber_ShowsItOnRequest_AndAuditsTheReveal()
    {
        var lead = factory.Workstation();
        using var api = await factory.ClientAsAsync(lead, "zh-CN");
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var phone = TestIdentities.Mobile();
        var opened = await api.OpenAsync(new
        {
            channel = "walk-in",
            summary = "身份证号遮挡测试",
            divisionCode = lead.Agency.Division.Value,
            parties = new object[] { new { role = "victim", name = "诸葛秀英", idNumber = victimId, phone } },
        });
        var id = opened.Id();
        var partyId = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("intake").GetProperty("parties")[0].GetProperty("id").GetGuid();

        using var ui = await Assessments.UiSession.SignInAsync(factory, lead, "zh-CN");
        var page = await ui.Client.GetStringAsync($"/cases/{id}");
        page.ShouldNotContain(victimId);
        page.ShouldContain(victimId[..6] + "********" + victimId[14..]);
        page.ShouldContain($"{phone[..3]} {phone[3..7]} {phone[7..]}");
        page.ShouldContain($"?reveal={partyId}");

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        (await db.AuditEvents.CountAsync(e => e.Action == "case.id-number-reveal" && e.EntityId == partyId.ToString())).ShouldBe(0);
        var revealed = await ui.Client.GetStringAsync($"/cases/{id}?reveal={partyId}");
        revealed.ShouldContain(victimId);
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "case.id-number-reveal" && e.EntityId == partyId.ToString());
        audit.Section.ShouldBe("identity");
        audit.CaseId.ShouldBe(id);

        // A reveal of a party on another case, or of nothing, shows nothing in full and records nothing.
        (await ui.Client.GetStringAsync($"/cases/{id}?reveal={Guid.NewGuid()}")).ShouldNotContain(victimId);
        (await db.AuditEvents.CountAsync(e => e.Action == "case.id-number-reveal" && e.EntityId == partyId.ToString())).ShouldBe(1);
    }

    [ProviderFact]
    public async Task AReaderWithoutIdentity_GetsNoRevealLink_AndTheParameterRevealsNothing()
    {
        var lead = factory.Workstation();
        using var api = await factory.ClientAsAsync(lead, "en");
        var victimId = TestIdentities.IdNumber(TestIdentities.BirthDate(), female: true);
        var opened = await api.OpenAsync(new
        {
            channel = "walk-in",
            summary = "无身份权限",
            divisionCode = lead.Agency.Division.Value,
            parties = new object[] { new { role = "victim", name = "司徒秀英", idNumber = victimId } },
        });
        var id = opened.Id();
        var partyId = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}")).GetProperty("intake").GetProperty("parties")[0].GetProperty("id").GetGuid();
        (await factory.CounsellingOnlyConsentAsync(api, id)).Dispose();

        using var ui = await Assessments.UiSession.SignInAsync(factory, factory.BaoanStaff(AgencyType.CounsellingCentre), "en");
        var response = await ui.Client.GetAsync($"/cases/{id}?reveal={partyId}");
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldNotContain(victimId);
        page.ShouldNotContain(victimId[..6] + "********");
        page.ShouldNotContain("data-testid=\"reveal-id\"");
    }
}

public sealed class IdNumberMaskingTests_Sqlite(SqliteFactory factory) : IdNumberMaskingTests<SqliteFactory>(factory);

public sealed class IdNumberMaskingTests_Postgres(PostgresFactory factory) : IdNumberMaskingTests<PostgresFactory>(factory), IPostgresTests;
