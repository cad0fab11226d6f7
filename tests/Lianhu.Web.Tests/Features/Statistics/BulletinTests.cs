using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Features.Demo;
using Lianhu.Web.Features.Statistics.Bulletins;
using Lianhu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Statistics;

/// <summary>
/// The monthly bulletin (ADR 0032): its unit figures are the dashboard's by agency for the same
/// month; making it again adds version 2 and leaves version 1 as it was; the PDF and Excel open;
/// caseworkers get 403, another district 404; a bad period is 400 in the caller's language; the
/// monthly run makes one per division however often it runs.
/// </summary>
public abstract class BulletinTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory
{
    private DemoAccount Centre(string division, Role role) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.LinkageCentre && a.Agency.Division.Value == division && a.Role == role);

    private DemoAccount WorkstationIn(string community) =>
        factory.City.Accounts.First(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value == community && a.Role == Role.Caseworker);

    private string ThisMonth => ShanghaiTime.DayOf(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task MakeWorkAsync()
    {
        var communities = factory.City.Accounts.Where(a => a.Agency.Type == AgencyType.CommunityWorkstation && a.Agency.Division.Value.StartsWith(Baoan, StringComparison.Ordinal))
            .Select(a => a.Agency.Division.Value).Distinct().Order(StringComparer.Ordinal).Take(3).ToList();
        var n = 0;
        foreach (var community in communities.Concat(communities))
        {
            using var lead = await factory.ClientAsAsync(WorkstationIn(community));
            var id = await OpenCaseAsync(lead, community);
            (await lead.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { instrument = "dash-ric", yes = Enumerable.Range(1, 12 + (n % 6)) }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
            using var centre = await factory.ClientAsAsync(Centre(Baoan, Role.Supervisor));
            var tasks = (await centre.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/tasks")).EnumerateArray()
                .Where(t => t.GetProperty("kind").GetString() == "routed" && t.GetProperty("status").GetString() == "created").ToList();
            foreach (var task in tasks.Where(_ => n++ % 3 != 0))
            {
                var account = factory.City.Accounts.FirstOrDefault(a => a.Agency.Id == task.GetProperty("agencyId").GetGuid() && a.Role == Role.Caseworker);
                if (account is not null)
                {
                    using var holder = await factory.ClientAsAsync(account);
                    await holder.PostAsync($"/api/v1/tasks/{task.GetProperty("id").GetGuid()}/accept", null);
                }
            }
        }
    }

    private static async Task<JsonElement> MakeAsync(HttpClient client, string period)
    {
        var response = await client.PostAsJsonAsync("/api/v1/bulletins", new { period });
        return await OkAsync(response, HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task TheBulletin_HasTheDashboardsFiguresByAgency_AndMakingItAgainAddsAVersion()
    {
        await MakeWorkAsync();
        var month = ThisMonth;
        using var supervisor = await factory.ClientAsAsync(Centre(Baoan, Role.Supervisor));
        var made = await MakeAsync(supervisor, month);
        var version = made.GetProperty("version").GetInt32();
        var id = made.GetProperty("id").GetGuid();
        var first = await OkAsync(await supervisor.GetAsync($"/api/v1/bulletins/{id}"));
        var figures = first.GetProperty("figures");
        figures.GetProperty("units").GetArrayLength().ShouldBeGreaterThan(0, figures.GetRawText());

        // The same numbers as the dashboard of a statistician of the same centre, by agency, for the month.
        var from = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var statistician = await factory.ClientAsAsync(Centre(Baoan, Role.Statistician));
        var units = figures.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("agencyId").GetGuid().ToString());
        foreach (var indicator in figures.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()!))
        {
            var dashboard = await OkAsync(await statistician.GetAsync($"/api/v1/statistics/{indicator}?by=agency&from={Day(from)}&to={Day(from.AddMonths(1).AddDays(-1))}"));
            foreach (var row in dashboard.GetProperty("rows").EnumerateArray())
            {
                units.ShouldContainKey(row.GetProperty("key").GetString()!, indicator);
                var cell = units[row.GetProperty("key").GetString()!].GetProperty("cells").GetProperty(indicator);
                cell.GetProperty("display").GetString().ShouldBe(row.GetProperty("display").GetString(), indicator);
                cell.GetProperty("suppressed").GetBoolean().ShouldBe(row.GetProperty("suppressed").GetBoolean(), indicator);
                cell.GetProperty("value").ToString().ShouldBe(row.GetProperty("value").ToString(), indicator);
            }
        }

        var ranked = units.Values.Where(u => u.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        ranked.ShouldAllBe(u => u.GetProperty("score").GetDecimal() >= 0 && u.GetProperty("score").GetDecimal() <= 100);

        // Again: version 2; version 1 is unchanged, in the table and in what it answers.
        await MakeWorkAsync();
        var second = await MakeAsync(supervisor, month);
        second.GetProperty("version").GetInt32().ShouldBe(version + 1);
        second.GetProperty("id").GetGuid().ShouldNotBe(id);
        var again = await OkAsync(await supervisor.GetAsync($"/api/v1/bulletins/{id}"));
        again.GetProperty("figures").GetRawText().ShouldBe(figures.GetRawText());
        again.GetProperty("version").GetInt32().ShouldBe(version);
        var list = await OkAsync(await statistician.GetAsync("/api/v1/bulletins"));
        list.EnumerateArray().Where(b => b.GetProperty("period").GetString() == month && b.GetProperty("divisionCode").GetString() == Baoan)
            .Select(b => b.GetProperty("version").GetInt32()).ShouldContain(version);
        list.EnumerateArray().Where(b => b.GetProperty("period").GetString() == month && b.GetProperty("divisionCode").GetString() == Baoan)
            .Select(b => b.GetProperty("version").GetInt32()).Order().ShouldBe(Enumerable.Range(1, version + 1));

        // Readings are audited with the format.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        (await db.AuditEvents.CountAsync(e => e.Action == "statistics.bulletin.read" && e.EntityId == id.ToString())).ShouldBeGreaterThanOrEqualTo(2);
        (await db.AuditEvents.CountAsync(e => e.Action == "statistics.bulletin.generate")).ShouldBeGreaterThanOrEqualTo(2);
    }

    [ProviderFact]
    public async Task ThePdfAndTheExcel_Open_AndNameTheUnits()
    {
        await MakeWorkAsync();
        using var supervisor = await factory.ClientAsAsync(Centre(Baoan, Role.Supervisor));
        var id = (await MakeAsync(supervisor, ThisMonth)).GetProperty("id").GetGuid();
        var figures = (await OkAsync(await supervisor.GetAsync($"/api/v1/bulletins/{id}"))).GetProperty("figures");
        var names = figures.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
        names.ShouldNotBeEmpty(figures.GetRawText());

        var pdf = await supervisor.GetAsync($"/api/v1/bulletins/{id}.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        if (PdfText(bytes) is { } text)
        {
            var flat = text.Replace("\n", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            flat.ShouldContain("质量月度通报");
            flat.ShouldContain(names[0].Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        var xlsx = await supervisor.GetAsync($"/api/v1/bulletins/{id}.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "成员单位评价").Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["成员单位"]?.ToString()).ShouldBe(names);
    }

    [ProviderFact]
    public async Task CaseworkersAreRefused_AnotherDistrictSeesNothing_AndABadPeriodIs400()
    {
        using var supervisor = await factory.ClientAsAsync(Centre(Baoan, Role.Supervisor));
        var id = (await MakeAsync(supervisor, ThisMonth)).GetProperty("id").GetGuid();

        using var caseworker = await factory.ClientAsAsync(Workstation(factory));
        await ProblemAsync(await caseworker.PostAsJsonAsync("/api/v1/bulletins", new { period = ThisMonth }), HttpStatusCode.Forbidden);
        await ProblemAsync(await caseworker.GetAsync("/api/v1/bulletins"), HttpStatusCode.Forbidden);
        await ProblemAsync(await caseworker.GetAsync($"/api/v1/bulletins/{id}"), HttpStatusCode.Forbidden);

        using var futian = await factory.ClientAsAsync(Centre(Futian, Role.Statistician));
        (await futian.GetAsync($"/api/v1/bulletins/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await futian.GetAsync($"/api/v1/bulletins/{id}.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await futian.GetAsync($"/api/v1/bulletins/{id}.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync(await futian.GetAsync("/api/v1/bulletins"))).EnumerateArray().ShouldNotContain(b => b.GetProperty("id").GetGuid() == id);

        using var zh = await factory.ClientAsAsync(Centre(Baoan, Role.Statistician), "zh-CN");
        foreach (var bad in new[] { "2026-13", "11/2026", "", "2999-01" })
        {
            var problem = await ProblemAsync(await zh.PostAsJsonAsync("/api/v1/bulletins", new { period = bad }), HttpStatusCode.BadRequest);
            problem.GetProperty("errors").GetProperty("period")[0].GetString()!.ShouldContain("年-月");
        }
    }

    [ProviderFact]
    public async Task TheMonthlyRun_MakesOneBulletinPerDivision_HoweverOftenItRuns()
    {
        var run = factory.Services.GetRequiredService<MonthlyBulletins>();
        var period = BulletinMaker.PreviousMonth(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var made = await Task.WhenAll(run.RunAsync(CancellationToken.None), run.RunAsync(CancellationToken.None));
        (await run.RunAsync(CancellationToken.None)).ShouldBe(0);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianhuDbContext>();
        var rows = await db.Bulletins.AsNoTracking().Where(b => b.Period == period).ToListAsync();
        rows.ShouldAllBe(b => b.Version == 1 && b.CreatedBy == null);
        rows.Select(b => b.DivisionCode).ShouldBeUnique();
        rows.Select(b => b.DivisionCode).ShouldContain(Baoan);
        made.Sum().ShouldBe(rows.Count);
    }

    [ProviderFact]
    public async Task ThePage_ListsBulletins_WithPdfAndExcel_AndItsButtonMakesLastMonths()
    {
        using var ui = await Assessments.UiSession.SignInAsync(factory, Centre(Baoan, Role.Supervisor), "zh-CN");
        var page = await ui.Client.GetStringAsync("/statistics/bulletins");
        page.ShouldContain("质量通报");
        page.ShouldContain("data-testid=\"bulletin-generate\"");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var lastMonth = BulletinMaker.PreviousMonth(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        using var form = new FormUrlEncodedContent([new("period", lastMonth), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        var posted = await ui.Client.PostAsync("/statistics/bulletins/generate", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe("/statistics/bulletins?made=true");

        page = await ui.Client.GetStringAsync("/statistics/bulletins?made=true");
        page.ShouldContain("data-testid=\"bulletin-made\"");
        page.ShouldContain(lastMonth);
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(statistics/bulletins/[0-9a-f-]+\\.pdf)\"").Groups[1].Value;
        link.ShouldNotBeEmpty();
        var pdf = await ui.Client.GetAsync("/" + link);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await ui.Client.GetAsync("/" + link.Replace(".pdf", ".xlsx", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var caseworker = await Assessments.UiSession.SignInAsync(factory, Workstation(factory), "zh-CN");
        var refused = await caseworker.Client.GetStringAsync("/statistics/bulletins");
        refused.ShouldContain("data-testid=\"bulletins-forbidden\"");
        refused.ShouldNotContain("data-testid=\"bulletin-generate\"");
    }

    private static string? PdfText(byte[] pdf)
    {
        const string tool = "/usr/bin/pdftotext";
        if (!File.Exists(tool))
        {
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"lianhu-bulletin-{Guid.NewGuid():N}.pdf");
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

public sealed class BulletinTests_Sqlite(SqliteFactory factory) : BulletinTests<SqliteFactory>(factory);

public sealed class BulletinTests_Postgres(PostgresFactory factory) : BulletinTests<PostgresFactory>(factory), IPostgresTests;
