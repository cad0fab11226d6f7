using System.Globalization;

namespace Lianhu.Domain.Instruments;

/// <summary>
/// A half-open date range (<see cref="After"/>, <see cref="UpTo"/>]: the start day is excluded and
/// the end day included, as Civil Code Arts 200–204 count periods ("the start day does not count").
/// </summary>
public readonly record struct DateWindow(DateOnly After, DateOnly UpTo)
{
    public bool Contains(DateOnly date) => date > After && date <= UpTo;

    public override string ToString() =>
        $"({After.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {UpTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]";
}
