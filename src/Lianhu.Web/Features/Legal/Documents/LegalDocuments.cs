using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.People;
using Lianhu.Web.Localization;

namespace Lianhu.Web.Features.Legal.Documents;

/// <summary>
/// The two printable documents, always in Chinese (they go to a Chinese court and to the parties):
/// the protection-order application (人身安全保护令申请书) and the warning letter (家庭暴力告诫书),
/// filled from the record. Wording lives in <c>Resources/legal.zh-CN.json</c> (<c>legal.pdf.*</c>).
/// </summary>
public sealed class LegalDocuments(PdfEngine engine, TimeProvider time)
{
    private static readonly IReadOnlyDictionary<string, string> Zh = JsonStringLocalizer.Table("zh-CN");

    public bool Available => engine.Fonts.Available;

    public byte[] ProtectionOrderApplication(ProtectionOrderDto o)
    {
        ArgumentNullException.ThrowIfNull(o);
        using var pdf = new PdfWriter(T("legal.pdf.po.title"));
        pdf.Title(T("legal.pdf.po.title"))
            .Field(T("legal.pdf.po.applicant"), $"{o.ApplicantName}（{T("legal.applicant-type." + o.ApplicantType)}{(o.ApplicantRelation is { } r ? "，" + T("legal.pdf.po.relation") + r : "")}）");
        if (o.ApplicantType != "victim")
        {
            pdf.Field(T("legal.pdf.po.victim"), o.VictimName);
            if (o.InabilityReason is { } why)
            {
                pdf.Field(T("legal.pdf.po.inability-reason"), T("legal.inability-reason." + why));
            }

            if (o.VictimWishes is { } wishes)
            {
                pdf.Field(T("legal.pdf.po.victim-wishes"), T("legal.victim-wishes." + wishes));
            }
        }

        pdf.Field(T("legal.pdf.po.respondent"), o.RespondentName)
            .Field(T("legal.pdf.id-number"), o.RespondentIdNumber)
            .Field(T("legal.pdf.address"), o.RespondentAddress)
            .Field(T("legal.pdf.po.respondent-relation"), RelationText(o.RespondentRelation))
            .Heading(T("legal.pdf.po.requests"));
        var n = 1;
        foreach (var m in o.RequestedMeasures)
        {
            pdf.Paragraph($"{n++}. {MeasureText(m)}");
        }

        if (o.Emergency)
        {
            pdf.Paragraph($"{n}. {T("legal.pdf.po.emergency")}");
        }

        pdf.Heading(T("legal.pdf.po.facts"))
            .Paragraph(T("legal.ground." + o.Ground) + "。")
            .Paragraph(o.Facts)
            // The basis is composed from the articles that apply (WRPL Art 29 for former and dating partners from 2023-01-01).
            .Paragraph(T("legal.pdf.po.basis-composed").Replace("{0}", o.Basis, StringComparison.Ordinal))
            .Gap()
            .Paragraph(T("legal.pdf.po.to"))
            .Line(o.CourtName ?? string.Empty)
            .Gap()
            .Right(T("legal.pdf.po.signature"));
        if (o.FiledByName is { } filer && o.FiledByAgencyId != o.CourtAgencyId)
        {
            pdf.Right(T("legal.pdf.po.filed-by") + filer);
        }

        pdf.Right(o.ReceivedOn.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        return pdf.Finish(Footer(o.CaseNumber));
    }

    public byte[] WarningLetter(WarningLetterDto l)
    {
        ArgumentNullException.ThrowIfNull(l);
        using var pdf = new PdfWriter(T("legal.pdf.wl.title"));
        var year = ShanghaiTime.ToShanghai(l.IssuedAt).Year.ToString(CultureInfo.InvariantCulture);
        pdf.Centered(l.IssuedByName ?? string.Empty)
            .Title(T("legal.pdf.wl.title"))
            .Right(Fill(T("legal.pdf.wl.number"), year, l.CaseNumber))
            .Field(T("legal.pdf.wl.respondent"), l.RespondentName);
        if (ResidentIdNumber.TryParse(l.RespondentIdNumber, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), out var id, out _))
        {
            pdf.Field(T("legal.pdf.sex"), T("legal.pdf.sex." + (id.Sex == Sex.Female ? "female" : "male")))
                .Field(T("legal.pdf.birth"), id.BirthDate.ToString("yyyy年M月d日", CultureInfo.InvariantCulture));
        }

        pdf.Field(T("legal.pdf.id-number"), l.RespondentIdNumber)
            .Field(T("legal.pdf.address"), l.RespondentAddress)
            .Field(T("legal.pdf.wl.victim"), l.VictimName)
            .Heading(T("legal.pdf.wl.facts"))
            .Paragraph(l.Facts)
            .Paragraph(T("legal.pdf.wl.basis"))
            .Paragraph(l.Prohibition)
            .Paragraph(T("legal.pdf.wl.consequence"))
            .Gap()
            .Right((l.IssuedByName ?? string.Empty) + T("legal.pdf.wl.seal"))
            .Right(Day(l.IssuedAt))
            .Gap()
            .Paragraph(T("legal.pdf.wl.copies"))
            .Gap()
            .Field(T("legal.pdf.wl.respondent-receipt"), "＿＿＿＿＿＿＿＿　" + T("legal.pdf.date-blank"))
            .Field(T("legal.pdf.wl.victim-receipt"), "＿＿＿＿＿＿＿＿　" + T("legal.pdf.date-blank"));
        return pdf.Finish(Footer(l.CaseNumber));
    }

    public static string MeasureText(MeasureDto m) =>
        m.Code == 255 ? T("legal.pdf.measure.255") + (m.Text ?? string.Empty) : T("legal.pdf.measure." + m.Code.ToString(CultureInfo.InvariantCulture));

    private string Footer(string caseNumber) =>
        Fill(T("legal.pdf.footer"), caseNumber, ShanghaiTime.ToShanghai(time.GetUtcNow()).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static string Day(DateTimeOffset instant) => ShanghaiTime.ToShanghai(instant).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Fill(string template, params string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            template = template.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", args[i], StringComparison.Ordinal);
        }

        return template;
    }

    private static string T(string key) => Zh.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"Missing string {key}.");

    /// <summary>A relation's words; free text from records older than the picker as it was typed.</summary>
    private static string? RelationText(string? relation) =>
        relation is null ? null : Zh.TryGetValue("legal.relation." + relation, out var words) ? words : relation;
}
