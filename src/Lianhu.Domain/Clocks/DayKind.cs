namespace Lianhu.Domain.Clocks;

public enum DayKind
{
    Weekday,
    Weekend,
    PublicHoliday,

    /// <summary>A Saturday or Sunday the State Council turned into a working day (调休上班).</summary>
    AdjustedWorkingDay,
}
