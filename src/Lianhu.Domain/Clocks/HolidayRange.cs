using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>A run of consecutive rest days announced for one festival, both ends included.</summary>
public sealed record HolidayRange(DateOnly From, DateOnly To, LocalizedText Name, string? Note = null)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;

    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
