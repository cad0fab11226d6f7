using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>
/// Issue 15 items 2–4 through the API on each database: who may apply for whom (ADVL Art 23, SPC 2022
/// Art 2), former dating partners from 2023-01-01 (WRPL 2022 Art 29) and the composed basis, and the
/// court's answer to a breach (ADVL Art 34) on the order and the timeline.
/// </summary>
public abstract class TheLawAsWrittenApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    private static Dictionary<string, object?> Proxy(Guid court, string applicantType, string? reason = null, string? wishes = null, string relation = "spouse", string? receivedOn = null) => new()
    {
        ["courtAgencyId"] = court.ToString(),
        ["applicantType"] = applicantType,
        ["applicantName"] = "张社工",
        ["victimName"] = "李梅",
        ["respondentName"] = "王强",
        ["respondentAddress"] = "深圳市宝安区新安街道某小区 3 栋 502",
        ["respondentRelation"] = relation,
        ["ground"] = "violence-suffered",
        ["facts"] = "被申请人多次殴打受害人。",
        ["measures"] = new object[] { new { code = 1 } },
        ["inabilityReason"] = reason,
        ["victimWishes"] = wishes,
        ["receivedOn"] = receivedOn,
    };

    private async Task<(HttpClient Lead, Guid Case)> CaseAsync(string language = "en")
    {
        var lead = await factory.ClientAsAsync(Workstation(factory), language);
        return (lead, await OpenCaseAsync(lead, Community(factory)));
    }

    [ProviderFact]
    public async Task TheWomensFederation_ForACapableAdult_WithoutAReason_Is400_CitingArt23()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var problem = await ProblemAsync(
            await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(Court(factory).Agency.Id, "womens-federation")), HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("inabilityReason")[0].GetString()!.ShouldContain("ADVL Art 23");

        using var zh = await factory.ClientAsAsync(Workstation(factory), "zh-CN");
        var zhProblem = await ProblemAsync(
            await zh.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(Court(factory).Agency.Id, "womens-federation")), HttpStatusCode.BadRequest);
        zhProblem.GetProperty("errors").GetProperty("inabilityReason")[0].GetString()!.ShouldContain("《反家庭暴力法》第二十三条");

        // With a reason Art 23(2) accepts (coercion), the same federation may apply.
        await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(Court(factory).Agency.Id, "womens-federation", "coercion")), HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task CivilAffairs_ForAnElderlyVictim_AgainstHerWishes_Is400_AndWithThemIsFiled()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var court = Court(factory).Agency.Id;
        var against = await ProblemAsync(
            await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "civil-affairs", "old-age", "does-not-want")), HttpStatusCode.BadRequest);
        against.GetProperty("errors").GetProperty("victimWishes")[0].GetString()!.ShouldContain("SPC 2022 Art 2");

        var noWishes = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "civil-affairs", "old-age")), HttpStatusCode.BadRequest);
        noWishes.GetProperty("errors").GetProperty("victimWishes")[0].GetString()!.ShouldContain("SPC 2022 Art 2");

        var coerced = await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "civil-affairs", "coercion")), HttpStatusCode.BadRequest);
        coerced.GetProperty("errors").GetProperty("applicantType")[0].GetString()!.ShouldContain("SPC 2022 Art 2");

        var filed = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "civil-affairs", "old-age", "wants")), HttpStatusCode.Created);
        filed.GetProperty("inabilityReason").GetString().ShouldBe("old-age");
        filed.GetProperty("victimWishes").GetString().ShouldBe("wants");
        filed.GetProperty("basis").GetString()!.ShouldContain("若干问题的规定》第一条、第二条");
    }

    [ProviderFact]
    public async Task AFormerDatingPartner_ReceivedOn2023_01_01_IsAccepted_AndTheDocumentCitesWrplArt29_ButNotTheDayBefore()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var court = Court(factory).Agency.Id;
        var before = await ProblemAsync(
            await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "victim", relation: "former-dating-partner", receivedOn: "2022-12-31")), HttpStatusCode.BadRequest);
        before.GetProperty("errors").GetProperty("respondentRelation")[0].GetString()!.ShouldContain("WRPL 2022 Art 29");

        var future = ShanghaiTime.DayOf(factory.Clock.GetUtcNow()).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "victim", receivedOn: future)), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("receivedOn").GetArrayLength().ShouldBe(1);

        var filed = await OkAsync(
            await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Proxy(court, "victim", relation: "former-dating-partner", receivedOn: "2023-01-01")), HttpStatusCode.Created);
        filed.GetProperty("receivedOn").GetString().ShouldBe("2023-01-01");
        filed.GetProperty("basis").GetString()!.ShouldContain("《中华人民共和国妇女权益保障法》第二十九条");

        var response = await lead.GetAsync($"/api/v1/protection-orders/{filed.GetProperty("id").GetGuid()}/application.pdf");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            return; // no CJK font on this machine: the DTO above carries the same basis
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (PdfText(await response.Content.ReadAsByteArrayAsync()) is { } text)
        {
            var flat = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            flat.ShouldContain("妇女权益保障法》第二十九条");
            flat.ShouldContain("曾经的恋爱对象");
            flat.ShouldContain("2023年1月1日");
        }
    }

    [ProviderFact]
    public async Task ABreach_IsAnsweredOnlyAsArt34Allows_AndTheAnswerIsOnTheTimeline()
    {
        var (lead, caseId) = await CaseAsync();
        using var _ = lead;
        var order = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id)), HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        using var court = await factory.ClientAsAsync(Court(factory), "en");
        await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/accept", new { }));
        var today = ShanghaiTime.DayOf(factory.Clock.GetUtcNow());
        await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/issue", new { measures = new object[] { new { code = 1 } }, validUntil = Day(today.AddDays(30)) }));

        // Nothing to answer yet.
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.no-open-breach");

        await OkAsync(await lead.PostAsJsonAsync($"/api/v1/protection-orders/{id}/violations", new { details = "被申请人到申请人单位门口守候" }));
        await OkAsync(await lead.PostAsJsonAsync($"/api/v1/protection-orders/{id}/violations", new { details = "被申请人再次上门滋扰" }));

        var fine = await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition", fineYuan = 1001 }), HttpStatusCode.BadRequest);
        fine.GetProperty("errors").GetProperty("fineYuan")[0].GetString()!.ShouldContain("ADVL Art 34");
        var days = await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition", detentionDays = 16 }), HttpStatusCode.BadRequest);
        days.GetProperty("errors").GetProperty("detentionDays")[0].GetString()!.ShouldContain("ADVL Art 34");
        var crimeAndFine = await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "criminal-transfer", fineYuan = 500 }), HttpStatusCode.BadRequest);
        crimeAndFine.GetProperty("errors").GetProperty("fineYuan")[0].GetString()!.ShouldContain("ADVL Art 34");
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { fineYuan = 500 }), HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("response")[0].GetString()!.ShouldContain("ADVL Art 34");

        // Only the court answers.
        (await ProblemAsync(await lead.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition" }), HttpStatusCode.Forbidden))
            .GetProperty("code").GetString().ShouldBe("legal.court-only");

        var first = await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition", fineYuan = 1000, detentionDays = 15 }));
        var second = await OkAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "criminal-transfer" }));
        var breaches = second.GetProperty("breaches").EnumerateArray().ToList();
        breaches.Select(b => b.GetProperty("response").GetString()).ShouldBe(["admonition", "criminal-transfer"]);
        breaches[0].GetProperty("fineYuan").GetInt32().ShouldBe(1000);
        breaches[0].GetProperty("detentionDays").GetInt32().ShouldBe(15);
        breaches[1].GetProperty("criminalBasis").GetString().ShouldBe("《中华人民共和国刑法》第三百一十三条");
        first.GetProperty("followUps").EnumerateArray().Count(f => f.GetProperty("kind").GetString() == "po-violation-court" && f.GetProperty("status").GetString() == "done").ShouldBe(1);
        (await ProblemAsync(await court.PostAsJsonAsync($"/api/v1/protection-orders/{id}/breach-answers", new { response = "admonition" }), HttpStatusCode.Conflict))
            .GetProperty("code").GetString().ShouldBe("protection-order.no-open-breach");

        var timeline = (await OkAsync(await lead.GetAsync($"/api/v1/cases/{caseId}/timeline"))).EnumerateArray().ToList();
        timeline.Count(e => e.GetProperty("kind").GetString() == "order-breached").ShouldBe(2);
        timeline.Where(e => e.GetProperty("kind").GetString() == "order-breach-answered").Select(e => e.GetProperty("detail").GetString())
            .Order(StringComparer.Ordinal).ShouldBe(["admonition;fine=1000;detention=15", "criminal-transfer"]);
    }

    private static string? PdfText(byte[] pdf)
    {
        var tool = new[] { "/usr/bin/pdftotext", "/usr/local/bin/pdftotext" }.FirstOrDefault(File.Exists);
        if (tool is null)
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"lianhu-law-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(30_000).ShouldBeTrue();
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class TheLawAsWrittenApiTests_Sqlite(ClockSqliteFactory factory) : TheLawAsWrittenApiTests<ClockSqliteFactory>(factory);

public sealed class TheLawAsWrittenApiTests_Postgres(ClockPostgresFactory factory) : TheLawAsWrittenApiTests<ClockPostgresFactory>(factory), IPostgresTests;
