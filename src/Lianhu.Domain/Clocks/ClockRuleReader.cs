using System.Text.RegularExpressions;

namespace Lianhu.Domain.Clocks;

/// <summary>Validates one <c>rules[i]</c> entry of the clock rule file.</summary>
internal static partial class ClockRuleReader
{
    public static ClockRule Read(ClockRuleDto dto, string document, string path)
    {
        var id = ClockFields.RequiredText(dto.Id, document, path + ".id");
        if (!IdPattern().IsMatch(id))
        {
            throw new ClockConfigurationException(document, path + ".id", $"'{id}' must be kebab-case (a-z, 0-9, -)");
        }

        var unit = dto.Unit switch
        {
            "hours" => PeriodUnit.Hours,
            "days" => PeriodUnit.Days,
            "months" => PeriodUnit.Months,
            _ => throw new ClockConfigurationException(document, path + ".unit", $"'{dto.Unit}' must be \"hours\", \"days\" or \"months\""),
        };
        var amount = Positive(dto.Amount, document, path + ".amount");
        int? emergency = dto.EmergencyAmount is null ? null : Positive(dto.EmergencyAmount, document, path + ".emergency_amount");
        if (emergency > amount)
        {
            throw new ClockConfigurationException(document, path + ".emergency_amount", $"{emergency} must not exceed amount {amount}");
        }

        return new ClockRule
        {
            Id = id,
            Unit = unit,
            Amount = amount,
            EmergencyAmount = emergency,
            AmountRange = ReadRange(dto.AmountRange, amount, document, path + ".amount_range"),
            HourReading = ReadHourReading(dto.HourReading, unit, document, path + ".hour_reading"),
            Rollover = ReadRollover(dto.Rollover, unit, document, path + ".rollover"),
            StartEvent = ClockFields.Text(dto.StartEvent, document, path + ".start_event"),
            Source = ClockFields.Text(dto.Source, document, path + ".source"),
            Description = ClockFields.Text(dto.Description, document, path + ".description"),
            ReminderBefore = ReadReminder(dto.ReminderBefore, document, path + ".reminder_before"),
            OnDue = dto.OnDue switch
            {
                null or "breach" => ClockDueAction.Breach,
                "lapse" => ClockDueAction.Lapse,
                _ => throw new ClockConfigurationException(document, path + ".on_due", $"'{dto.OnDue}' must be \"breach\" or \"lapse\""),
            },
        };
    }

    private static int Positive(int? value, string document, string field)
    {
        var number = ClockFields.Required(value, document, field);
        return number >= 1 ? number : throw new ClockConfigurationException(document, field, $"{number} must be at least 1");
    }

    // Days are 24 h here: Beijing time has no daylight saving, so a day before is always 24 h before.
    private static TimeSpan? ReadReminder(ReminderDto? dto, string document, string field)
    {
        if (dto is null)
        {
            return null;
        }

        var amount = Positive(dto.Amount, document, field + ".amount");
        return dto.Unit switch
        {
            "hours" => TimeSpan.FromHours(amount),
            "days" => TimeSpan.FromDays(amount),
            _ => throw new ClockConfigurationException(document, field + ".unit", $"'{dto.Unit}' must be \"hours\" or \"days\""),
        };
    }

    private static AmountRange? ReadRange(AmountRangeDto? dto, int amount, string document, string field)
    {
        if (dto is null)
        {
            return null;
        }

        var range = new AmountRange(Positive(dto.Min, document, field + ".min"), Positive(dto.Max, document, field + ".max"));
        if (range.Max < range.Min)
        {
            throw new ClockConfigurationException(document, field + ".max", $"{range.Max} is below min {range.Min}");
        }

        return range.Contains(amount)
            ? range
            : throw new ClockConfigurationException(document, field, $"must include the default amount {amount}");
    }

    // Each rule must state its reading explicitly; a silent default is exactly what the ADR forbids.
    private static HourReading? ReadHourReading(string? text, PeriodUnit unit, string document, string field)
    {
        if (unit != PeriodUnit.Hours)
        {
            return text is null ? null : throw new ClockConfigurationException(document, field, "applies to hour rules only");
        }

        return text switch
        {
            PeriodReading.ExactInstantId => HourReading.ExactInstant,
            PeriodReading.NextFullHourId => HourReading.NextFullHour,
            _ => throw new ClockConfigurationException(document, field,
                $"'{text}' must be \"{PeriodReading.ExactInstantId}\" or \"{PeriodReading.NextFullHourId}\""),
        };
    }

    private static bool ReadRollover(bool? value, PeriodUnit unit, string document, string field)
    {
        if (unit == PeriodUnit.Hours)
        {
            return value is null ? false : throw new ClockConfigurationException(document, field,
                "hour periods never move off rest days; remove the field");
        }

        return value ?? throw new ClockConfigurationException(document, field, "is required for day and month rules (true or false)");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdPattern();
}
