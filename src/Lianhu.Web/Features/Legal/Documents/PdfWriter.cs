using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lianhu.Web.Features.Legal.Documents;

/// <summary>
/// Lays text out on A4 pages top to bottom: a centred title, labelled fields and paragraphs wrapped
/// at the margin character by character (Chinese has no spaces to break at), new pages as needed.
/// </summary>
public sealed class PdfWriter : IDisposable
{
    private const double Margin = 72; // 1 inch, the usual margin of Chinese official forms (≈ 2.5 cm)
    private readonly PdfDocument document;
    private readonly XFont body = new(CjkFontResolver.Face, 12);
    private readonly XFont bold = new(CjkFontResolver.Face, 12, XFontStyleEx.Bold);
    private readonly XFont title = new(CjkFontResolver.Face, 20, XFontStyleEx.Bold);
    private readonly XFont small = new(CjkFontResolver.Face, 9);
    private PdfPage page = null!;
    private XGraphics graphics = null!;
    private double y;

    public PdfWriter(string documentTitle)
    {
        document = new PdfDocument();
        document.Info.Title = documentTitle;
        document.Info.Creator = "Lianhu";
        NewPage();
    }

    private double Width => page.Width.Point - (2 * Margin);

    public PdfWriter Title(string text)
    {
        Space(title.Height);
        graphics.DrawString(text, title, XBrushes.Black, new XRect(Margin, y, Width, title.Height), XStringFormats.TopCenter);
        y += title.Height * 1.8;
        return this;
    }

    public PdfWriter Centered(string text)
    {
        Space(body.Height);
        graphics.DrawString(text, body, XBrushes.Black, new XRect(Margin, y, Width, body.Height), XStringFormats.TopCenter);
        y += body.Height * 1.6;
        return this;
    }

    public PdfWriter Right(string text)
    {
        Space(body.Height);
        graphics.DrawString(text, body, XBrushes.Black, new XRect(Margin, y, Width, body.Height), XStringFormats.TopRight);
        y += body.Height * 1.6;
        return this;
    }

    public PdfWriter Heading(string text)
    {
        y += body.Height * 0.4;
        return Lines(text, bold, 0);
    }

    /// <summary>"Label：value", the value wrapped under itself.</summary>
    public PdfWriter Field(string label, string? value)
    {
        var head = label + "：";
        var indent = graphics.MeasureString(head, bold).Width;
        Space(body.Height);
        graphics.DrawString(head, bold, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
        var lines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value.Trim(), body, Width - indent);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                Space(body.Height);
            }

            graphics.DrawString(lines[i], body, XBrushes.Black, new XPoint(Margin + indent, y), XStringFormats.TopLeft);
            y += body.Height * 1.5;
        }

        return this;
    }

    /// <summary>A paragraph with a two-character first-line indent.</summary>
    public PdfWriter Paragraph(string text) => Lines(text, body, graphics.MeasureString("　　", body).Width);

    /// <summary>A paragraph flush with the margin (an addressee line such as the court's name).</summary>
    public PdfWriter Line(string text) => Lines(text, body, 0);

    public PdfWriter Gap(double lines = 1)
    {
        y += body.Height * 1.5 * lines;
        return this;
    }

    /// <summary>Small grey text at the foot of every page (case number, generation time).</summary>
    public byte[] Finish(string footer)
    {
        graphics.Dispose();
        for (var i = 0; i < document.PageCount; i++)
        {
            var p = document.Pages[i];
            using var g = XGraphics.FromPdfPage(p, XGraphicsPdfPageOptions.Append);
            var text = $"{footer}　第 {i + 1} / {document.PageCount} 页";
            g.DrawString(text, small, XBrushes.Gray, new XRect(Margin, p.Height.Point - (Margin / 2), p.Width.Point - (2 * Margin), small.Height), XStringFormats.TopCenter);
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        graphics.Dispose();
        document.Dispose();
    }

    private PdfWriter Lines(string text, XFont font, double firstIndent)
    {
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var lines = Wrap(paragraph, font, Width, firstIndent);
            for (var i = 0; i < lines.Count; i++)
            {
                Space(font.Height);
                graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(Margin + (i == 0 ? firstIndent : 0), y), XStringFormats.TopLeft);
                y += font.Height * 1.5;
            }
        }

        return this;
    }

    private List<string> Wrap(string text, XFont font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        var available = width - firstIndent;
        foreach (var element in System.Globalization.StringInfo.GetTextElementEnumerator(text).AsEnumerable())
        {
            if (line.Length > 0 && graphics.MeasureString(line + element, font).Width > available)
            {
                lines.Add(line.ToString());
                line.Clear();
                available = width;
            }

            line.Append(element);
        }

        lines.Add(line.ToString());
        return lines;
    }

    private void Space(double height)
    {
        if (y + height > page.Height.Point - Margin)
        {
            graphics.Dispose();
            NewPage();
        }
    }

    private void NewPage()
    {
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}

internal static class TextElementEnumeratorExtensions
{
    public static IEnumerable<string> AsEnumerable(this System.Globalization.TextElementEnumerator e)
    {
        while (e.MoveNext())
        {
            yield return e.GetTextElement();
        }
    }
}
