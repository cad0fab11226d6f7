using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianhu.Domain.Cases;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Help;
using Lianhu.Web.Tests.Features.Intake;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianhu.Web.Tests.Features.Help;

/// <summary>
/// The public door's report and status through the real host (issue 16 items 2 and 5): a report becomes a
/// self-report intake routed to the division's workstation with a contact clock; a replayed or hurried form
/// creates nothing; status by receipt answers one line or one generic miss, and locks after wrong secrets.
/// </summary>
public abstract class SelfReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private const string Phone = "13912345678";

    [ProviderFact]
    public async Task SelfReport_OpensASelfReportCase_RoutedToTheCommunityWorkstation_WithAContactClock()
    {
        var workstation = factory.City.Agencies.First(a => a.Type == AgencyType.CommunityWorkstation && a.Division.Value.StartsWith(IntakeCalls.Baoan, StringComparison.Ordinal));
        using var client = factory.CreateClient();
        var receipt = await ReportAsync(client, workstation.Division.Value, messageOnly: true);

        receipt.GetProperty("receipt").GetString()!.Length.ShouldBe(8);
        receipt.GetProperty("secret").GetString()!.ShouldMatch("^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var record = await db.SelfReports.AsNoTracking().SingleAsync(r => r.ReceiptCode == receipt.GetProperty("receipt").GetString());
        record.MessageOnly.ShouldBeTrue();
        record.ContactPhone.ShouldBe(Phone);
        record.SecretMac.ShouldNotContain(receipt.GetProperty("secret").GetString()!.Replace("-", string.Empty, StringComparison.Ordinal));
        var opened = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == record.CaseId);
        opened.Channel.ShouldBe(Channel.SelfReport);
        opened.LeadAgencyId.ShouldBe(workstation.Id);
        var clock = await db.Clocks.AsNoTracking().SingleAsync(c => c.CaseId == opened.Id && c.RuleId == SelfReportOpened.ContactRule);
        clock.OwnerAgencyId.ShouldBe(workstation.Id);
        clock.State.ShouldBe(ClockState.Pending);
        (clock.DueAt - opened.CreatedAt).ShouldBe(TimeSpan.FromHours(24));

        // The contact details are sealed at rest: the raw column does not hold the number.
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"ContactPhone\" AS \"Value\" FROM self_reports WHERE \"ReceiptCode\" = {0}", record.ReceiptCode).SingleAsync();
        raw.ShouldNotContain(Phone);
    }

    [ProviderFact]
    public async Task AReplayedForm_CreatesNothing_AndGetsTheGenericAnswer()
    {
        using var client = factory.CreateClient();
        var community = factory.CommunityOf(factory.PoliceStation());
        var token = await TokenAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var body = Body(token, community, "重放测试：第一次提交");
        (await client.PostAsJsonAsync("/api/v1/help/reports", body)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await CountSelfReportsAsync();

        var again = await client.PostAsJsonAsync("/api/v1/help/reports", body);
        var changed = await client.PostAsJsonAsync("/api/v1/help/reports", Body(token, community, "重放测试：改过的内容"));

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var generic = await again.Content.ReadAsStringAsync();
        generic.ShouldNotContain("receipt");
        (await changed.Content.ReadAsStringAsync()).ShouldBe(generic);
        (await CountSelfReportsAsync()).ShouldBe(before);
    }

    [ProviderFact]
    public async Task AFormSentAtOnce_OrWithAForgedToken_IsRefused_AndCreatesNothing()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var community = factory.CommunityOf(factory.PoliceStation());
        var before = await CountSelfReportsAsync();

        var hurried = await client.PostAsJsonAsync("/api/v1/help/reports", Body(await TokenAsync(client), community, "too fast"));
        (await hurried.ProblemAsync()).Error("formToken").ShouldContain("too quickly");
        var forged = await client.PostAsJsonAsync("/api/v1/help/reports", Body("CfDJ8-forged", community, "forged"));
        (await forged.ProblemAsync()).Error("formToken").ShouldContain("expired");

        (await CountSelfReportsAsync()).ShouldBe(before);
    }

    [ProviderFact]
    public async Task MissingOrWrongFields_AreNamed_InChineseAndEnglish()
    {
        using var client = factory.CreateClient();
        var token = await TokenAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var zh = await (await client.PostAsJsonAsync("/api/v1/help/reports", new { what = " ", community = "440306", phone = "123", formToken = token })).ProblemAsync();
        zh.Error("what").ShouldBe("必填。");
        zh.Error("community").ShouldContain("社区");
        zh.Error("phone").ShouldContain("11 位");

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await (await client.PostAsJsonAsync("/api/v1/help/reports", new { what = "x", formToken = token })).ProblemAsync();
        en.Error("community").ShouldContain("community");
    }

    [ProviderFact]
    public async Task Status_ByReceipt_IsOneLine_AndEveryMissIsTheSameGenericAnswer_AndWrongSecretsLockTheReceipt()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var receipt = await ReportAsync(client, factory.CommunityOf(factory.PoliceStation()), messageOnly: false);
        var code = receipt.GetProperty("receipt").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;

        var right = await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = code.ToLowerInvariant(), secret = secret.Replace("-", " ", StringComparison.Ordinal) });
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
        var line = await right.Content.ReadFromJsonAsync<JsonElement>();
        line.GetProperty("status").GetString().ShouldBe("received");
        line.GetProperty("text").GetString().ShouldBe("已收到");
        line.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "text"]);

        var wrong = await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = code, secret = "2222222222" });
        var unknown = await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = "ZZZZZZZZ", secret });
        wrong.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var wrongDetail = await Detail(wrong);
        wrongDetail.ShouldBe(await Detail(unknown));
        wrongDetail.ShouldBe("没有找到匹配的记录，请检查收据号和密码是否正确。");

        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = code, secret = "3333333333" });
        }

        // Locked: even the right secret is a miss now.
        (await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = code, secret })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ProviderFact]
    public async Task Status_FollowsTheCase_HandlingOnceContacted_ClosedWhenClosed()
    {
        using var client = factory.CreateClient();
        var receipt = await ReportAsync(client, factory.CommunityOf(factory.PoliceStation()), messageOnly: true);
        var code = receipt.GetProperty("receipt").GetString()!;
        var secret = receipt.GetProperty("secret").GetString()!;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
            var record = await db.SelfReports.AsNoTracking().SingleAsync(r => r.ReceiptCode == code);
            var clock = await db.Clocks.SingleAsync(c => c.CaseId == record.CaseId && c.RuleId == SelfReportOpened.ContactRule);
            clock.Complete(Guid.CreateVersion7(), "contacted", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var line = await (await client.PostAsJsonAsync("/api/v1/help/status", new { receipt = code, secret })).Content.ReadFromJsonAsync<JsonElement>();
        line.GetProperty("status").GetString().ShouldBe("handling");
    }

    private async Task<JsonElement> ReportAsync(HttpClient client, string community, bool messageOnly)
    {
        var token = await TokenAsync(client);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var response = await client.PostAsJsonAsync("/api/v1/help/reports", Body(token, community, "他昨晚又动手了，我不敢在家打电话", messageOnly));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Body(string token, string community, string what, bool messageOnly = true) =>
        new { what, community, phone = Phone, messageOnly, safeTimes = "工作日上午 9 点到 11 点", details = "孩子 8 岁", formToken = token };

    private static async Task<string> TokenAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/help/form-token")).GetProperty("token").GetString()!;

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

    private async Task<int> CountSelfReportsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LianhuDbContext>().SelfReports.CountAsync();
    }
}

public sealed class SelfReportTests_Sqlite(HelpSqliteFactory factory) : SelfReportTests<HelpSqliteFactory>(factory);

public sealed class SelfReportTests_Postgres(HelpPostgresFactory factory) : SelfReportTests<HelpPostgresFactory>(factory), IPostgresTests;
