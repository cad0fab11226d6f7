using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

// Shape of config/clocks/rules.json; nullable so the loader reports missing fields by JSON path.
internal sealed class ClockRuleDocument
{
    public string? Catalogue { get; set; }

    public int? Version { get; set; }

    public string? TimeZone { get; set; }

    public string? Description { get; set; }

    public List<ClockRuleDto>? Rules { get; set; }
}

internal sealed class ClockRuleDto
{
    public string? Id { get; set; }

    public string? Unit { get; set; }

    public int? Amount { get; set; }

    public int? EmergencyAmount { get; set; }

    public AmountRangeDto? AmountRange { get; set; }

    public string? HourReading { get; set; }

    public bool? Rollover { get; set; }

    public PolicyJson.Bilingual? StartEvent { get; set; }

    public PolicyJson.Bilingual? Source { get; set; }

    public PolicyJson.Bilingual? Description { get; set; }

    public ReminderDto? ReminderBefore { get; set; }

    /// <summary><c>breach</c> (default) or <c>lapse</c>: what reaching the due time means.</summary>
    public string? OnDue { get; set; }

    /// <summary>Free text for maintainers (why this default); not used in computations.</summary>
    public string? Note { get; set; }
}

internal sealed class ReminderDto
{
    public string? Unit { get; set; }

    public int? Amount { get; set; }
}

internal sealed class AmountRangeDto
{
    public int? Min { get; set; }

    public int? Max { get; set; }
}
