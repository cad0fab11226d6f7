using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianhu.Web.Tests.Features.Clocks;
using Lianhu.Web.Tests.Infrastructure;
using PdfSharp.Pdf.IO;
using static Lianhu.Web.Tests.Features.Legal.LegalTestHelpers;

namespace Lianhu.Web.Tests.Features.Legal;

/// <summary>
/// The printable documents: a real PDF that PDFsharp re-opens, with the Chinese font embedded, the
/// Chinese text extractable (poppler's pdftotext) and page 1 rendered to artifacts/documents for a person to look at.
/// </summary>
public abstract class LegalDocumentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LianhuFactory, IManualClock
{
    [ProviderFact]
    public async Task ProtectionOrderApplication_IsAPrintablePdf_InChinese()
    {
        using var lead = await factory.ClientAsAsync(Workstation(factory), "en");
        var caseId = await OpenCaseAsync(lead, Community(factory));
        var order = await OkAsync(await lead.PostAsJsonAsync($"/api/v1/cases/{caseId}/protection-orders", Application(Court(factory).Agency.Id, emergency: true)), HttpStatusCode.Created);

        var pdf = await PdfAsync(lead, $"/api/v1/protection-orders/{order.GetProperty("id").GetGuid()}/application.pdf", factory.Provider + "-protection-order-application");

        var text = Text(pdf);
        if (text is not null)
        {
            text.ShouldContain("人身安全保护令申请书");
            text.ShouldContain("王强");
            text.ShouldContain("禁止被申请人对申请人实施家庭暴力");
            text.ShouldContain("二十四小时");
            text.ShouldContain(Court(factory).Agency.Name);
        }
    }

    [ProviderFact]
    public async Task WarningLetter_IsAPrintablePdf_InChinese_AndTheUiLinkNeedsASignIn()
    {
        using var police = await factory.ClientAsAsync(Station(factory), "en");
        var caseId = await OpenCaseAsync(police, Community(factory), "police-110");
        var letter = await OkAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/warning-letters", new
        {
            respondentName = "王强",
            respondentIdNumber = "440306198501011238",
            victimName = "李梅",
            facts = "2026 年 3 月 1 日晚，王强因琐事推搡李梅，致其手臂轻微擦伤，情节较轻，不予治安管理处罚。",
            prohibition = "你不得再对家庭成员实施任何形式的家庭暴力。",
        }), HttpStatusCode.Created);
        var id = letter.GetProperty("id").GetGuid();

        var pdf = await PdfAsync(police, $"/api/v1/warning-letters/{id}.pdf", factory.Provider + "-warning-letter");

        var text = Text(pdf);
        if (text is not null)
        {
            text.ShouldContain("家庭暴力告诫书");
            text.ShouldContain("1985年1月1日");
            text.ShouldContain("你不得再对家庭成员实施任何形式的家庭暴力");
            text.ShouldContain("第十六条");
        }

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unsigned = await anonymous.GetAsync($"/documents/warning-letters/{id}.pdf");
        unsigned.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        unsigned.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf");
        using var stranger = await factory.ClientAsAsync(Stranger(factory));
        (await stranger.GetAsync($"/api/v1/warning-letters/{id}.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ClockTestHosts.AuditsAsync(factory.Services, "warning-letter.document", id)).ShouldBe(1);
    }

    private static async Task<byte[]> PdfAsync(HttpClient client, string url, string name)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");

        using (var reopened = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import))
        {
            reopened.PageCount.ShouldBeGreaterThanOrEqualTo(1);
        }

        // An embedded, subset TrueType font (CID-keyed, with a ToUnicode map so text can be copied and searched).
        var raw = Encoding.Latin1.GetString(bytes);
        raw.ShouldContain("/FontFile2");
        raw.ShouldContain("/ToUnicode");

        var path = Path.Combine(Artifacts.Directory("documents"), name + ".pdf");
        await File.WriteAllBytesAsync(path, bytes);
        if (Tool("pdftoppm") is { } pdftoppm)
        {
            Run(pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, Path.ChangeExtension(path, null));
            File.Exists(Path.ChangeExtension(path, ".png")).ShouldBeTrue();
        }

        return bytes;
    }

    /// <summary>The PDF's text by pdftotext (poppler-utils); null when poppler is not installed (CI installs it and then requires it).</summary>
    private static string? Text(byte[] pdf)
    {
        if (Tool("pdftotext") is not { } pdftotext)
        {
            RequiredByCi.All.ShouldBeFalse("CI must have poppler-utils (pdftotext) to check the PDF's text");
            return null;
        }

        var file = Path.Combine(Path.GetTempPath(), $"lianhu-doc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            return Run(pdftotext, "-enc", "UTF-8", file, "-");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? Tool(string name) =>
        new[] { "/usr/bin", "/usr/local/bin" }.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(30_000).ShouldBeTrue();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        return output;
    }
}

public sealed class LegalDocumentTests_Sqlite(ClockSqliteFactory factory) : LegalDocumentTests<ClockSqliteFactory>(factory);

public sealed class LegalDocumentTests_Postgres(ClockPostgresFactory factory) : LegalDocumentTests<ClockPostgresFactory>(factory), IPostgresTests;
