namespace Lianhu.Domain.Clocks;

/// <summary>
/// Period arithmetic of Civil Code Arts 200–204 and CPL Art 85 on Beijing time. Each method states
/// its reading in the result; the choices are argued in docs/decisions/0006-statutory-periods.md.
/// </summary>
public sealed class StatutoryPeriods(HolidayCalendar calendar)
{
    public HolidayCalendar Calendar { get; } = calendar ?? throw new ArgumentNullException(nameof(calendar));

    public PeriodResult Add(PeriodUnit unit, ClockStart start, int amount, HourReading hourReading, bool rollover) =>
        unit switch
        {
            PeriodUnit.Hours => AddHours(start, amount, hourReading),
            PeriodUnit.Days => AddDays(start, amount, rollover),
            PeriodUnit.Months => AddMonths(start, amount, rollover),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown period unit"),
        };

    /// <summary>Hour periods never roll over: Art 203 moves a last DAY, and courts and police work every hour.</summary>
    public PeriodResult AddHours(ClockStart start, int hours, HourReading reading)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var from = reading == HourReading.NextFullHour ? NextFullHour(start.EarliestInstant) : start.EarliestInstant;
        return new PeriodResult
        {
            Unit = PeriodUnit.Hours,
            Amount = hours,
            Start = start,
            Reading = PeriodReading.ForHours(reading),
            CountingFrom = from,
            Due = ShanghaiTime.ToShanghai(from.AddHours(hours)),
            StartTimeAssumed = !start.HasTime,
        };
    }

    public PeriodResult AddDays(ClockStart start, int days, bool rollover)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        // Art 201: the start day is not counted, so day N after the start is the last day.
        return EndOnDay(start, PeriodUnit.Days, days, start.Day.AddDays(days), rollover, PeriodReading.ForDays(rollover));
    }

    public PeriodResult AddMonths(ClockStart start, int months, bool rollover)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        // Art 202: the same-numbered day of the end month, else that month's last day — exactly
        // what DateOnly.AddMonths does (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
        var nominal = start.Day.AddMonths(months);
        return EndOnDay(start, PeriodUnit.Months, months, nominal, rollover, PeriodReading.ForMonths(rollover));
    }

    private PeriodResult EndOnDay(
        ClockStart start, PeriodUnit unit, int amount, DateOnly nominalLastDay, bool rollover, PeriodReading reading)
    {
        var lastDay = nominalLastDay;
        DayClassification? nominalKind = null;
        IReadOnlyList<DayClassification> skipped = [];
        CalendarCoverage? coverage = null;
        if (rollover)
        {
            var search = Calendar.FindNextWorkingDay(nominalLastDay);
            lastDay = search.WorkingDay;
            nominalKind = Calendar.Classify(nominalLastDay);
            skipped = search.RestDaysSkipped;
            coverage = search.Coverage;
        }

        return new PeriodResult
        {
            Unit = unit,
            Amount = amount,
            Start = start,
            Reading = reading,
            CountingFrom = ShanghaiTime.StartOfDay(start.Day.AddDays(1)),
            // "24:00 of the last day" is not a valid ISO time; the same instant is 00:00 of the next day.
            Due = ShanghaiTime.StartOfDay(lastDay.AddDays(1)),
            NominalLastDay = nominalLastDay,
            LastDay = lastDay,
            NominalLastDayKind = nominalKind,
            RestDaysSkipped = skipped,
            CalendarCoverage = coverage,
        };
    }

    // The hour in which the event happened is not counted, also when it happened at hh:00:00.
    private static DateTimeOffset NextFullHour(DateTimeOffset instant)
    {
        var beijing = ShanghaiTime.ToShanghai(instant);
        var hourStart = new DateTimeOffset(beijing.Year, beijing.Month, beijing.Day, beijing.Hour, 0, 0, beijing.Offset);
        return hourStart.AddHours(1);
    }
}
