using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Features.Legal.Documents;
using Lianhu.Web.Localization;
using MiniExcelLibs;

namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>
/// A published bulletin as a printable PDF, always in Chinese and in the legal documents' font and
/// layout (ADR 0013), and as Excel (MiniExcel) with every text cell formula-escaped like the exports.
/// </summary>
public sealed class BulletinDocuments(PdfEngine engine)
{
    private static readonly IReadOnlyDictionary<string, string> Zh = JsonStringLocalizer.Table("zh-CN");

    public bool Available => engine.Fonts.Available;

    public static string T(string key) => Zh.TryGetValue(key, out var text) ? text : key;

    public byte[] Pdf(BulletinFigures f, int version, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(f);
        var title = $"{f.DivisionName}{T("statistics.bulletin.pdf.title")}";
        using var pdf = new PdfWriter(title);
        pdf.Title(title)
            .Centered($"{Month(f.Period)}　{T("statistics.bulletin.pdf.version").Replace("{0}", version.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}")
            .Field(T("statistics.bulletin.pdf.period"), $"{Day(f.From)} — {Day(f.To)}")
            .Field(T("statistics.bulletin.pdf.scheme"), $"{f.SchemeName}（{T("statistics.bulletin.pdf.version").Replace("{0}", f.SchemeVersion.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}）")
            .Heading(T("statistics.bulletin.pdf.headline"));
        foreach (var h in f.Headline)
        {
            pdf.Field(h.NameZh, h.Total.Display);
        }

        pdf.Heading(T("statistics.bulletin.pdf.weights"));
        foreach (var i in f.Indicators)
        {
            pdf.Field(i.NameZh, $"{i.Weight.ToString("0.#", CultureInfo.InvariantCulture)}　{T("statistics.bulletin.direction." + i.Direction)}");
        }

        pdf.Heading(T("statistics.bulletin.pdf.units"));
        if (f.Units.Count == 0)
        {
            pdf.Paragraph(T("statistics.bulletin.none"));
        }

        foreach (var u in f.Units)
        {
            var rank = u.Rank is { } r ? T("statistics.bulletin.pdf.rank").Replace("{0}", r.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) : T("statistics.bulletin.pdf.unranked");
            var score = u.Score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "—";
            pdf.Heading($"{u.Name}　{rank}　{T("statistics.bulletin.score")} {score}");
            foreach (var i in f.Indicators)
            {
                pdf.Field(i.NameZh, u.Cells.TryGetValue(i.Id, out var c) ? c.Display : "—");
            }
        }

        pdf.Gap().Paragraph(T("statistics.bulletin.pdf.note"))
            .Gap().Right(f.DivisionName + T("statistics.bulletin.pdf.issuer"))
            .Right(Day(ShanghaiTime.DayOf(createdAt)));
        return pdf.Finish($"{title} {f.Period} v{version}");
    }

    public static byte[] Xlsx(BulletinFigures f, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(text);
        var unit = text("statistics.bulletin.unit");
        var rows = f.Units.Select(u =>
        {
            var row = new Dictionary<string, object?>
            {
                [text("statistics.bulletin.rank")] = u.Rank,
                [unit] = StatisticsExport.Escape(u.Name),
                [text("statistics.bulletin.score")] = u.Score,
            };
            foreach (var i in f.Indicators)
            {
                row[StatisticsExport.Escape(i.NameZh)] = u.Cells.TryGetValue(i.Id, out var c) ? (c.Suppressed ? StatisticsExport.Escape(c.Display) : c.Value) : null;
            }

            return row;
        }).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { [unit] = text("statistics.bulletin.none") });
        }

        var headline = f.Headline.Select(h => new Dictionary<string, object?>
        {
            [text("statistics.bulletin.indicator")] = StatisticsExport.Escape(h.NameZh),
            [text("statistics.export.value")] = h.Total.Suppressed ? StatisticsExport.Escape(h.Total.Display) : h.Total.Value,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [text("statistics.bulletin.sheet.units")] = rows,
            [text("statistics.bulletin.sheet.headline")] = headline,
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static string Month(string period) => $"{period[..4]}年{int.Parse(period[5..], CultureInfo.InvariantCulture)}月";

    private static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
}
