using Lianhu.Domain.Instruments;
using Lianhu.Domain.Linkage;
using Lianhu.Web.Data;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// The one place a figure is made: the dashboard, the API, the drill-down and the export all call
/// <see cref="ComputeAsync"/> or <see cref="CasesBehindAsync"/>, so they cannot disagree. The rows
/// of the source come from SQL with the viewer's scope and the period in the WHERE
/// (<see cref="StatisticsFacts"/>); filters, cells and statistics are applied to them here.
/// </summary>
public sealed class MetricsLayer(LianhuDbContext db, StatisticsLabels labels, SmallCells smallCells, TimeProvider time)
{
    public async Task<StatisticsResult> ComputeAsync(IndicatorDefinition indicator, StatisticsQuery query, CurrentUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(user);
        var (counted, numerator, context) = await CountedAsync(indicator, query, user, ct);
        var keyOf = await KeysAsync(query, context, counted, ct);
        var cells = counted.GroupBy(keyOf, StringComparer.Ordinal)
            .Select(g => Cell(indicator, g.Key, [.. g], numerator))
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        var total = labels.Row(Cell(indicator, "total", counted, numerator), labels.Total, indicator);
        var named = await labels.NameAsync(query, cells, indicator, ct);
        var (rows, totalRow) = StatisticsScope.ReadsCases(user) ? (named, total) : smallCells.Protect(named, total);
        return new StatisticsResult(indicator, query, rows, totalRow, !StatisticsScope.ReadsCases(user));
    }

    /// <summary>The cases behind a cell (<paramref name="key"/> of the dimension, or <c>total</c>): of the numerator when asked, else of every counted row.</summary>
    public async Task<IReadOnlyList<Guid>> CasesBehindAsync(IndicatorDefinition indicator, StatisticsQuery query, CurrentUser user, string key, bool numeratorOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var (counted, numerator, context) = await CountedAsync(indicator, query, user, ct);
        var keyOf = await KeysAsync(query, context, counted, ct);
        return [.. counted.Where(f => key == "total" || keyOf(f) == key).Where(f => !numeratorOnly || numerator(f)).Select(f => f.CaseId).Distinct()];
    }

    private async Task<(List<Fact> Counted, Func<Fact, bool> Numerator, FactContext Context)> CountedAsync(
        IndicatorDefinition indicator, StatisticsQuery query, CurrentUser user, CancellationToken ct)
    {
        var cases = StatisticsScope.Cases(db, user).AsNoTracking();
        var facts = await StatisticsFacts.LoadAsync(db, cases, indicator.Source, query.Start, query.Until, ct);
        var needsRisk = query.By == "risk-level" || indicator.Filter?.RiskLevel is not null || indicator.Numerator?.RiskLevel is not null;
        var conferenceDays = indicator.Filter?.ConferenceWithinDays ?? indicator.Numerator?.ConferenceWithinDays;
        var context = await FactContext.LoadAsync(db, cases, needsRisk || conferenceDays is not null, conferenceDays is not null, time.GetUtcNow(), ct);
        var counted = facts.Where(f => context.Matches(indicator.Filter, f)).ToList();
        return (counted, f => indicator.Numerator is null || context.Matches(indicator.Numerator, f), context);
    }

    private async Task<Func<Fact, string>> KeysAsync(StatisticsQuery query, FactContext context, List<Fact> facts, CancellationToken ct)
    {
        if (query.By == "agency-type")
        {
            var ids = facts.Select(f => f.AgencyId).Distinct().ToList();
            var types = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Type }).ToDictionaryAsync(a => a.Id, a => a.Type, ct);
            return f => types.TryGetValue(f.AgencyId, out var type) ? Domain.Common.StableName.Of(type) : "unknown";
        }

        return f => StatisticsKeys.Of(query, f, context);
    }

    private static StatisticsCell Cell(IndicatorDefinition indicator, string key, IReadOnlyList<Fact> facts, Func<Fact, bool> numerator)
    {
        switch (indicator.Kind)
        {
            case "rate":
                var hits = facts.Count(numerator);
                return new StatisticsCell(key, facts.Count == 0 ? null : Math.Round(100m * hits / facts.Count, 1), hits, facts.Count, facts.Count);
            case "duration":
                var spans = facts.Where(f => f.Start is not null && f.End is not null)
                    .Select(f => (f.End!.Value - f.Start!.Value).TotalHours / indicator.Duration!.UnitHours).Order().ToList();
                return new StatisticsCell(key, Percentile(spans, indicator.Duration!.Statistic), null, null, spans.Count);
            default:
                return new StatisticsCell(key, facts.Count, null, null, facts.Count);
        }
    }

    /// <summary>The median (the mean of the two middle values when even) or the 90th percentile by nearest rank.</summary>
    public static decimal? Percentile(IReadOnlyList<double> sorted, string statistic)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var value = statistic == "median"
            ? (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2
            : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
        return Math.Round((decimal)value, 1);
    }
}

/// <summary>What facts need beyond their own row: each case's current risk level and first high assessment, and its conferences.</summary>
public sealed class FactContext
{
    private Dictionary<Guid, CommonRiskLevel?> risk = [];
    private Dictionary<Guid, DateTimeOffset> firstHigh = [];
    private ILookup<Guid, DateTimeOffset> conferences = Array.Empty<DateTimeOffset>().ToLookup(_ => Guid.Empty);

    private DateTimeOffset now;

    public static async Task<FactContext> LoadAsync(LianhuDbContext db, IQueryable<Domain.Cases.Case> cases, bool assessments, bool withConferences, DateTimeOffset now, CancellationToken ct)
    {
        var context = new FactContext { now = now };
        if (assessments)
        {
            var rows = await db.Assessments.AsNoTracking().Join(cases, a => a.CaseId, c => c.Id, (a, c) => new { a.CaseId, a.AssessedAt, a.CommonLevel }).ToListAsync(ct);
            context.risk = rows.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.AssessedAt)!.CommonLevel);
            context.firstHigh = rows.Where(r => r.CommonLevel == CommonRiskLevel.High).GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.Min(r => r.AssessedAt));
        }

        if (withConferences)
        {
            var rows = await db.CaseConferences.AsNoTracking().Where(f => f.Status != ConferenceStatus.Cancelled)
                .Join(cases, f => f.CaseId, c => c.Id, (f, c) => new { f.CaseId, f.ScheduledAt }).ToListAsync(ct);
            context.conferences = rows.ToLookup(r => r.CaseId, r => r.ScheduledAt);
        }

        return context;
    }

    /// <summary>The case's current level (<c>low</c>, <c>medium</c>, <c>high</c>) or <c>none</c> when never assessed.</summary>
    public string RiskOf(Guid caseId) => risk.GetValueOrDefault(caseId) is { } level ? Domain.Common.StableName.Of(level) : "none";

    public bool Matches(IndicatorFilter? filter, Fact f)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (filter is null)
        {
            return true;
        }

        return (filter.Status is null || filter.Status.Contains(f.Status))
            && (filter.Kind is null || filter.Kind.Contains(f.Kind))
            && (filter.RiskLevel is null || filter.RiskLevel.Contains(RiskOf(f.CaseId)))
            && (filter.OnTime is null || filter.OnTime == (f.End is { } end && f.Due is { } due && end <= due))
            && (filter.Reopened is null || filter.Reopened == (f.ReopenCount > 0))
            && (filter.LongerThanDays is not { } longer || (f.Start is { } start && (f.End ?? now) - start > TimeSpan.FromDays(longer)))
            && (filter.ConferenceWithinDays is not { } days || (firstHigh.TryGetValue(f.CaseId, out var high)
                && conferences[f.CaseId].Any(at => at >= high && at <= high.AddDays(days))));
    }
}

/// <summary>One cell before naming: its key, value, numerator and denominator of a rate, and how many rows it counts.</summary>
public sealed record StatisticsCell(string Key, decimal? Value, int? Numerator, int? Denominator, int Count);
