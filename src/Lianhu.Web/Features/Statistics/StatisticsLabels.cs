using System.Globalization;
using Lianhu.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics;

/// <summary>Names a figure's rows in the viewer's language: divisions and agencies from the directory, the rest from <c>Resources/statistics.*.json</c>.</summary>
public sealed class StatisticsLabels(LianhuDbContext db, IStringLocalizer<StatisticsLabels> text)
{
    public async Task<IReadOnlyList<StatisticsRow>> NameAsync(StatisticsQuery query, IReadOnlyList<StatisticsCell> cells, IndicatorDefinition indicator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(cells);
        var keys = cells.Select(c => c.Key).ToList();
        Dictionary<string, string> names = query.By switch
        {
            "division" => await db.Divisions.AsNoTracking().Where(d => keys.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, ct),
            "lead-agency" or "agency" => await AgenciesAsync(keys, ct),
            "period" => keys.ToDictionary(k => k, k => k, StringComparer.Ordinal),
            _ => keys.ToDictionary(k => k, k => Lookup(query.By, k), StringComparer.Ordinal),
        };
        return [.. cells.Select(c => Row(c, names.GetValueOrDefault(c.Key) ?? c.Key, indicator))];
    }

    public StatisticsRow Row(StatisticsCell cell, string label, IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(indicator);
        return new StatisticsRow(cell.Key, label, cell.Value, cell.Numerator, cell.Denominator, cell.Count, false, Display(cell.Value, indicator));
    }

    public string Total => text["statistics.total"].Value;

    public string Text(string key) => text[key].Value;

    public string Display(decimal? value, IndicatorDefinition indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (value is not { } v)
        {
            return "—";
        }

        var number = v.ToString("0.#", CultureInfo.InvariantCulture);
        return indicator.Kind switch
        {
            "rate" => number + "%",
            "duration" => text[$"statistics.unit.{indicator.Duration!.Unit}", number].Value,
            _ => number,
        };
    }

    /// <summary>The statistics table's name for a value, else the name the rest of the UI gives it, else the value itself.</summary>
    private string Lookup(string by, string value)
    {
        string[] keys = by switch
        {
            "agency-type" => [$"statistics.agency-type.{value}", $"agency-type.{value}"],
            "channel" => [$"statistics.channel.{value}", $"channel.{value}"],
            "risk-level" => [$"statistics.risk-level.{value}", $"common-level.{value}"],
            _ => [$"statistics.kind.{value}", $"statistics.status.{value}", $"task.status.{value}", $"task.kind.{value}", $"clocks.state.{value}", $"channel.{value}", $"linkage-ui.trigger.{value}"],
        };
        return keys.Select(k => text[k]).FirstOrDefault(s => !s.ResourceNotFound)?.Value ?? value;
    }

    private async Task<Dictionary<string, string>> AgenciesAsync(List<string> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).ToList();
        return await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id.ToString(), a => a.Name, StringComparer.Ordinal, ct);
    }
}
