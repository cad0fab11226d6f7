using System.Globalization;
using System.Text.Json;
using Lianhu.Domain.Access;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Data;
using Lianhu.Web.Data.Configurations;
using Lianhu.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianhu.Web.Features.Statistics.Bulletins;

/// <summary>
/// Makes a bulletin for a linkage centre's division and a month through the one
/// <see cref="MetricsLayer"/>: each scoring indicator by agency, as a statistician of that centre
/// would see it on the dashboard (published, so small cells are protected); scores and ranks; the
/// division's headline figures. Saves it as the next version, never over an earlier one.
/// </summary>
public sealed class BulletinMaker(LianhuDbContext db, MetricsLayer metrics, IndicatorCatalogue catalogue, BulletinScheme scheme, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>yyyy-MM</c>, a month that has begun in Asia/Shanghai; else null.</summary>
    public static (DateOnly From, DateOnly To)? ParsePeriod(string? period, DateTimeOffset now)
    {
        if (period is not { Length: BulletinRecord.PeriodLength }
            || !DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || from.Year < 2000
            || from > ShanghaiTime.DayOf(now))
        {
            return null;
        }

        return (from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>The calendar month before <paramref name="now"/> in Asia/Shanghai.</summary>
    public static string PreviousMonth(DateTimeOffset now) =>
        ShanghaiTime.DayOf(now).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Makes and saves the next version for the division's linkage centre <paramref name="centre"/>.</summary>
    /// <param name="onlyFirst">The monthly run: make version 1 only, and treat an existing one (or another node's) as done.</param>
    public async Task<BulletinRecord?> MakeAsync(Agency centre, string period, Guid? by, bool onlyFirst, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(centre);
        var (from, to) = ParsePeriod(period, time.GetUtcNow()) ?? throw new ArgumentException($"Not a month: {period}", nameof(period));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var latest = await db.Bulletins.AsNoTracking().Where(b => b.DivisionCode == centre.DivisionCode && b.Period == period)
                .MaxAsync(b => (int?)b.Version, ct) ?? 0;
            if (onlyFirst && latest > 0)
            {
                return null;
            }

            var figures = await FiguresAsync(centre, period, from, to, ct);
            var record = BulletinRecord.Create(Guid.CreateVersion7(), centre.DivisionCode, period, latest + 1, scheme.Id, scheme.Version,
                JsonSerializer.Serialize(figures, Json), time.GetUtcNow(), by);
            db.Bulletins.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
                return record;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e, BulletinRecordConfiguration.UniqueIndex, "bulletins.DivisionCode"))
            {
                // Another node or request took this version: the monthly run is done, a request takes the next.
                db.Entry(record).State = EntityState.Detached;
                if (onlyFirst)
                {
                    return null;
                }
            }
        }

        throw new InvalidOperationException($"Could not save a bulletin for {centre.DivisionCode} {period}.");
    }

    public async Task<BulletinFigures> FiguresAsync(Agency centre, string period, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(centre);
        var division = DivisionCode.Parse(centre.DivisionCode);
        var viewer = new CurrentUser(Guid.Empty, "bulletin", centre.Id, centre.Type, division, new HashSet<Role> { Role.Statistician }, null);
        var below = division.Tier == Tier.Community ? Tier.Community : division.Tier + 1;
        var indicators = new List<BulletinIndicator>();
        var byUnit = new Dictionary<string, (string Name, Dictionary<string, BulletinCell> Cells)>(StringComparer.Ordinal);
        foreach (var s in scheme.Indicators)
        {
            var indicator = catalogue.Find(s.Indicator)!;
            indicators.Add(new BulletinIndicator(indicator.Id, indicator.Version, indicator.Name.ZhCn, indicator.Name.En, indicator.Kind, s.Weight, s.Direction));
            var result = await metrics.ComputeAsync(indicator, new StatisticsQuery(s.Dimension, below, from, to, "month"), viewer, ct);
            foreach (var row in result.Rows)
            {
                var unit = byUnit.TryGetValue(row.Key, out var u) ? u : byUnit[row.Key] = (row.Label, new Dictionary<string, BulletinCell>(StringComparer.Ordinal));
                unit.Cells[indicator.Id] = Cell(row);
            }
        }

        // A unit without a row of a count counted none (no breach); without a rate's row it had nothing to rate.
        foreach (var s in scheme.Indicators.Where(s => catalogue.Find(s.Indicator)!.Kind == "count"))
        {
            foreach (var unit in byUnit.Values.Where(u => !u.Cells.ContainsKey(s.Indicator)))
            {
                unit.Cells[s.Indicator] = new BulletinCell(0, null, null, 0, false, "0");
            }
        }

        var scores = Score(byUnit.ToDictionary(u => u.Key, u => (IReadOnlyDictionary<string, BulletinCell>)u.Value.Cells, StringComparer.Ordinal));
        var ranked = scores.Where(s => s.Value is not null).OrderByDescending(s => s.Value).ToList();
        var units = byUnit.Select(u =>
            {
                var score = scores[u.Key];
                int? rank = score is { } v ? 1 + ranked.Count(r => r.Value > v) : null;
                return new BulletinUnit(Guid.Parse(u.Key), u.Value.Name, u.Value.Cells, score, rank);
            })
            .OrderBy(u => u.Rank ?? int.MaxValue).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

        var headline = new List<BulletinHeadline>();
        foreach (var indicator in catalogue.Current.Where(i => i.Headline))
        {
            var result = await metrics.ComputeAsync(indicator, new StatisticsQuery(indicator.Dimensions[0], below, from, to, "month"), viewer, ct);
            headline.Add(new BulletinHeadline(indicator.Id, indicator.Version, indicator.Name.ZhCn, indicator.Name.En, Cell(result.Total)));
        }

        var divisionName = await db.Divisions.AsNoTracking().Where(d => d.Code == centre.DivisionCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? centre.DivisionCode;
        return new BulletinFigures(centre.DivisionCode, divisionName, period, from, to, scheme.Id, scheme.Version, scheme.Name.ZhCn, indicators, units, headline);
    }

    /// <summary>
    /// Each unit's weighted mean over the indicators it has a figure for: a rate scores its
    /// percentage (or 100 − it when lower is better); a count where lower is better scores 100 for the
    /// fewest among peers to 0 for the most (higher is better: the reverse). Rounded to one decimal.
    /// </summary>
    public Dictionary<string, decimal?> Score(IReadOnlyDictionary<string, IReadOnlyDictionary<string, BulletinCell>> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var sums = units.Keys.ToDictionary(k => k, _ => (Weighted: 0m, Weights: 0m), StringComparer.Ordinal);
        foreach (var s in scheme.Indicators)
        {
            var values = units.Where(u => u.Value.TryGetValue(s.Indicator, out var c) && c.Value is not null && !c.Suppressed)
                .ToDictionary(u => u.Key, u => u.Value[s.Indicator].Value!.Value, StringComparer.Ordinal);
            if (values.Count == 0)
            {
                continue;
            }

            var kind = catalogue.Find(s.Indicator)!.Kind;
            var (min, max) = (values.Values.Min(), values.Values.Max());
            foreach (var (key, value) in values)
            {
                var score = kind == "rate"
                    ? (s.Direction == "higher" ? value : 100 - value)
                    : max == min ? 100 : 100 * (s.Direction == "lower" ? max - value : value - min) / (max - min);
                sums[key] = (sums[key].Weighted + (s.Weight * score), sums[key].Weights + s.Weight);
            }
        }

        return sums.ToDictionary(s => s.Key, s => s.Value.Weights == 0 ? (decimal?)null : Math.Round(s.Value.Weighted / s.Value.Weights, 1), StringComparer.Ordinal);
    }

    private static BulletinCell Cell(StatisticsRow row) => new(row.Value, row.Numerator, row.Denominator, row.Count, row.Suppressed, row.Display);
}
