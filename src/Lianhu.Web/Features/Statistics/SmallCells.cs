namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// Small-cell protection for viewers without case access (<c>config/policies/statistics.json</c>):
/// a cell counting 1 to threshold−1 (a count; a rate's numerator or denominator; a duration's cases)
/// shows as "&lt;5", and when only one cell of a table is small the next smallest is suppressed too,
/// so the total cannot give it away. A small total is suppressed as well.
/// </summary>
public sealed class SmallCells(StatisticsPolicy policy)
{
    public int Threshold => policy.SmallCellThreshold;

    public (IReadOnlyList<StatisticsRow> Rows, StatisticsRow Total) Protect(IReadOnlyList<StatisticsRow> rows, StatisticsRow total)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(total);
        var small = rows.Where(IsSmall).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (small.Count == 1 && rows.Where(r => !small.Contains(r.Key)).Where(r => r.Count > 0).MinBy(r => (r.Count, r.Key)) is { } complement)
        {
            // The complement: the smallest other non-empty cell, so total − others no longer reveals the small one.
            small.Add(complement.Key);
        }

        var protectedRows = rows.Select(r => small.Contains(r.Key) ? Hide(r) : r).ToList();
        return (protectedRows, IsSmall(total) ? Hide(total) : total);
    }

    private bool IsSmall(StatisticsRow row) => InRange(row.Count) || InRange(row.Numerator) || InRange(row.Denominator);

    private bool InRange(int? n) => n is { } value && value > 0 && value < Threshold;

    private StatisticsRow Hide(StatisticsRow row) =>
        row with { Value = null, Numerator = null, Denominator = null, Count = null, Suppressed = true, Display = $"<{Threshold}" };
}

/// <summary>The small-cell policy: counts below the threshold are hidden from viewers without case access.</summary>
public sealed record StatisticsPolicy(int SmallCellThreshold)
{
    public static StatisticsPolicy Load(string path)
    {
        var policy = Domain.Common.PolicyJson.Read<StatisticsPolicy>(File.ReadAllText(path), Path.GetFileName(path));
        return policy.SmallCellThreshold is >= 2 and <= 100
            ? policy
            : throw new FormatException($"{Path.GetFileName(path)}: $.smallCellThreshold: a threshold from 2 to 100");
    }
}
