using System.Text.RegularExpressions;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// Every indicator file of <c>indicators/</c> (<c>&lt;id&gt;.v&lt;n&gt;.json</c>), read strictly at start:
/// an unknown member, an unknown source, kind, dimension, status or clock rule, a rate without a
/// numerator or a file whose name disagrees with its id and version stops the start with the file
/// and the reason named. The highest version of each id is the one computed.
/// </summary>
public sealed partial class IndicatorCatalogue
{
    private readonly Dictionary<string, IndicatorDefinition> latest;

    private IndicatorCatalogue(IReadOnlyList<IndicatorDefinition> all)
    {
        All = all;
        latest = all.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!, StringComparer.Ordinal);
        Current = [.. all.Select(d => d.Id).Distinct().Select(id => latest[id])];
    }

    public IReadOnlyList<IndicatorDefinition> All { get; }

    /// <summary>The newest version of each indicator, in file order.</summary>
    public IReadOnlyList<IndicatorDefinition> Current { get; }

    public IndicatorDefinition? Find(string id) => latest.GetValueOrDefault(id);

    /// <exception cref="FormatException">A file is invalid; the message names the file, the JSON path and the reason.</exception>
    public static IndicatorCatalogue LoadDirectory(string directory, ClockRuleCatalogue? clocks)
    {
        var definitions = new List<IndicatorDefinition>();
        foreach (var file in Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var definition = PolicyJson.Read<IndicatorDefinition>(File.ReadAllText(file), name);
            Validate(definition, name, clocks);
            if (definitions.Any(d => d.Id == definition.Id && d.Version == definition.Version))
            {
                throw new FormatException($"{name}: $.version: {definition.Id} version {definition.Version} is defined twice; a change is a new version");
            }

            definitions.Add(definition);
        }

        return definitions.Count > 0 ? new IndicatorCatalogue(definitions) : throw new FormatException($"{directory}: no indicator files");
    }

    public static void Validate(IndicatorDefinition d, string file, ClockRuleCatalogue? clocks)
    {
        ArgumentNullException.ThrowIfNull(d);
        void Fail(string path, string reason) => throw new FormatException($"{file}: {path}: {reason}");

        if (!IdPattern().IsMatch(d.Id))
        {
            Fail("$.id", "an id is lower-case letters, digits and hyphens");
        }

        if (file != $"{d.Id}.v{d.Version}.json")
        {
            Fail("$.id", $"the file of {d.Id} version {d.Version} is named {d.Id}.v{d.Version}.json");
        }

        if (string.IsNullOrWhiteSpace(d.Name.ZhCn) || string.IsNullOrWhiteSpace(d.Name.En))
        {
            Fail("$.name", "a name in zh-CN and en is required");
        }

        if (string.IsNullOrWhiteSpace(d.Definition.ZhCn) || string.IsNullOrWhiteSpace(d.Definition.En))
        {
            Fail("$.definition", "a definition in zh-CN and en is required");
        }

        if (!StatisticsSources.Names.Contains(d.Source))
        {
            Fail("$.source", $"unknown source '{d.Source}' (one of {string.Join(", ", StatisticsSources.Names)})");
        }

        switch (d.Kind)
        {
            case "count" when d.Numerator is null && d.Duration is null:
                break;
            case "rate" when d.Numerator is not null && d.Duration is null:
                break;
            case "duration" when d.Duration is { Statistic: "median" or "p90", Unit: "days" or "hours" } && d.Numerator is null:
                break;
            case "count" or "rate" or "duration":
                Fail("$.kind", "a count has neither numerator nor duration, a rate a numerator, a duration a duration {statistic: median|p90, unit: days|hours}");
                break;
            default:
                Fail("$.kind", $"unknown kind '{d.Kind}' (count, rate, duration)");
                break;
        }

        if (d.Dimensions.Count == 0 || d.Dimensions.Any(x => !StatisticsSources.Dimensions.Contains(x)))
        {
            Fail("$.dimensions", $"one or more of {string.Join(", ", StatisticsSources.Dimensions)}");
        }

        CheckFilter(d.Filter, "$.filter", d.Source, clocks, Fail);
        CheckFilter(d.Numerator, "$.numerator", d.Source, clocks, Fail);
    }

    private static void CheckFilter(IndicatorFilter? f, string path, string source, ClockRuleCatalogue? clocks, Action<string, string> fail)
    {
        if (f is null)
        {
            return;
        }

        var statuses = StatisticsSources.StatusesOf(source);
        if (f.Status?.FirstOrDefault(s => !statuses.Contains(s)) is { } status)
        {
            fail($"{path}.status", $"'{status}' is not a status of {source} ({string.Join(", ", statuses)})");
        }

        var kinds = StatisticsSources.KindsOf(source);
        foreach (var kind in f.Kind ?? [])
        {
            var known = kinds is null ? clocks is null || clocks.TryGet(kind, out _) : kinds.Contains(kind);
            if (!known)
            {
                fail($"{path}.kind", kinds is null ? $"'{kind}' is not a clock rule" : $"'{kind}' is not a kind of {source} ({string.Join(", ", kinds)})");
            }
        }

        if (f.RiskLevel?.FirstOrDefault(r => !StatisticsSources.RiskLevels.Contains(r)) is { } level)
        {
            fail($"{path}.riskLevel", $"'{level}' is not a risk level (low, medium, high)");
        }

        if (f.Reopened is not null && source != StatisticsSources.Cases)
        {
            fail($"{path}.reopened", "only cases are reopened");
        }

        if (f.LongerThanDays is < 0 or > 3660)
        {
            fail($"{path}.longerThanDays", "days from 0 to 3660");
        }

        if (f.ConferenceWithinDays is { } days && (days is < 0 or > 366 || source != StatisticsSources.Cases))
        {
            fail($"{path}.conferenceWithinDays", "days from 0 to 366, over cases");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
