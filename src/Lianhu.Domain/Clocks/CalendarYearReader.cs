namespace Lianhu.Domain.Clocks;

/// <summary>Validates one <c>years[i]</c> entry of a holiday calendar file.</summary>
internal static class CalendarYearReader
{
    public static CalendarYear Read(CalendarYearDto dto, string document, string path)
    {
        var year = ClockFields.Required(dto.Year, document, path + ".year");
        if (year is < 2000 or > 2100)
        {
            throw new ClockConfigurationException(document, path + ".year", $"{year} is outside 2000..2100");
        }

        var status = dto.Status switch
        {
            "official" => CalendarYearStatus.Official,
            "provisional" => CalendarYearStatus.Provisional,
            _ => throw new ClockConfigurationException(document, path + ".status",
                $"'{dto.Status}' must be \"official\" or \"provisional\""),
        };
        if (status == CalendarYearStatus.Provisional && string.IsNullOrWhiteSpace(dto.Note))
        {
            throw new ClockConfigurationException(document, path + ".note",
                "a provisional year must say how it was derived and what is missing");
        }

        var source = ClockFields.Text(dto.Source, document, path + ".source");
        var holidays = ReadHolidays(ClockFields.Required(dto.Holidays, document, path + ".holidays"), year, document, path);
        var workingDays = ReadWorkingDays(dto.AdjustedWorkingDays ?? [], year, document, path);
        return new CalendarYear(year, status, source, dto.Note, holidays, workingDays);
    }

    private static List<HolidayRange> ReadHolidays(List<HolidayRangeDto> dtos, int year, string document, string path)
    {
        var ranges = new List<HolidayRange>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var field = $"{path}.holidays[{i}]";
            var from = ClockFields.Date(dtos[i].From, document, field + ".from");
            var to = ClockFields.Date(dtos[i].To, document, field + ".to");
            CheckInYear(from, year, document, field + ".from");
            CheckInYear(to, year, document, field + ".to");
            if (to < from)
            {
                throw new ClockConfigurationException(document, field + ".to",
                    $"{to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}");
            }

            if (ranges.Count > 0 && from <= ranges[^1].To)
            {
                throw new ClockConfigurationException(document, field + ".from",
                    $"{from:yyyy-MM-dd} must be after the previous range's end {ranges[^1].To:yyyy-MM-dd}: ranges are ordered and do not overlap");
            }

            ranges.Add(new HolidayRange(from, to, ClockFields.Text(dtos[i].Name, document, field + ".name"), dtos[i].Note));
        }

        return ranges;
    }

    private static List<DateOnly> ReadWorkingDays(List<string> texts, int year, string document, string path)
    {
        var days = new List<DateOnly>();
        for (var i = 0; i < texts.Count; i++)
        {
            var field = $"{path}.adjusted_working_days[{i}]";
            var day = ClockFields.Date(texts[i], document, field);
            CheckInYear(day, year, document, field);
            // 调休上班 only ever turns a weekend day into a working day; a weekday here is a typo.
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new ClockConfigurationException(document, field,
                    $"{day:yyyy-MM-dd} is a {day.DayOfWeek}; adjusted working days are Saturdays or Sundays");
            }

            if (days.Count > 0 && day <= days[^1])
            {
                throw new ClockConfigurationException(document, field,
                    $"{day:yyyy-MM-dd} must be after {days[^1]:yyyy-MM-dd}: list each day once, in order");
            }

            days.Add(day);
        }

        return days;
    }

    // A notice for year Y may start its New Year break in late December of Y-1 (e.g. 2023-12-30 for 2024).
    private static void CheckInYear(DateOnly day, int year, string document, string field)
    {
        var inYear = day.Year == year || (day.Year == year - 1 && day.Month == 12);
        if (!inYear)
        {
            throw new ClockConfigurationException(document, field,
                $"{day:yyyy-MM-dd} is outside {year} (only the preceding December is also allowed)");
        }
    }
}
