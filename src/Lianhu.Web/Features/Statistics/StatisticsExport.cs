using System.Text;
using MiniExcelLibs;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// A figure as CSV or Excel (MiniExcel): the same rows the dashboard shows, suppressed cells as
/// "&lt;5". Every text cell that a spreadsheet would read as a formula (starting with = + - @, a
/// tab or a carriage return) is prefixed with an apostrophe (OWASP CSV injection).
/// </summary>
public static class StatisticsExport
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    public static string Escape(string? cell) =>
        cell is { Length: > 0 } && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell ?? string.Empty;

    public static IReadOnlyList<string> Header(StatisticsResult result, StatisticsLabels labels)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(labels);
        return [labels.Text("statistics.export.key"), labels.Text("statistics.export.label"), labels.Text("statistics.export.value"),
            labels.Text("statistics.export.numerator"), labels.Text("statistics.export.denominator"), labels.Text("statistics.export.suppressed")];
    }

    private static IEnumerable<StatisticsRow> AllRows(StatisticsResult result) => [.. result.Rows, result.Total];

    public static byte[] Csv(StatisticsResult result, StatisticsLabels labels)
    {
        var text = new StringBuilder();
        Line(text, Header(result, labels));
        foreach (var row in AllRows(result))
        {
            Line(text, [row.Key, row.Label, row.Display, row.Numerator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                row.Denominator?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, row.Suppressed ? "1" : "0"]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(StatisticsResult result, StatisticsLabels labels)
    {
        var header = Header(result, labels);
        var rows = AllRows(result).Select(row => new Dictionary<string, object?>
        {
            [header[0]] = Escape(row.Key),
            [header[1]] = Escape(row.Label),
            [header[2]] = row.Suppressed ? Escape(row.Display) : row.Value,
            [header[3]] = row.Numerator,
            [header[4]] = row.Denominator,
            [header[5]] = row.Suppressed ? 1 : 0,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: result.Indicator.Id);
        return stream.ToArray();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.AppendJoin(',', cells.Select(c => Quote(Escape(c))));
        text.Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
