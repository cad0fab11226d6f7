using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

// Shape of config/calendars/*.json. Everything is nullable so that the loader, not the serializer,
// reports a missing field by its JSON path.
internal sealed class HolidayCalendarDocument
{
    public string? Calendar { get; set; }

    public string? TimeZone { get; set; }

    public string? Description { get; set; }

    public List<CalendarYearDto>? Years { get; set; }
}

internal sealed class CalendarYearDto
{
    public int? Year { get; set; }

    public string? Status { get; set; }

    public PolicyJson.Bilingual? Source { get; set; }

    public string? Note { get; set; }

    public List<HolidayRangeDto>? Holidays { get; set; }

    public List<string>? AdjustedWorkingDays { get; set; }
}

internal sealed class HolidayRangeDto
{
    public PolicyJson.Bilingual? Name { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Note { get; set; }
}
