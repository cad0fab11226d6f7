using Lianhu.Domain.Common;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// One statutory or policy clock from config/clocks/rules.json: how long, counted how, and why.
/// </summary>
public sealed record ClockRule
{
    /// <summary>Stable kebab-case id, e.g. <c>po-ruling</c>.</summary>
    public required string Id { get; init; }

    public required PeriodUnit Unit { get; init; }

    public required int Amount { get; init; }

    /// <summary>The shorter period that applies when the case is urgent (ADVL Art 28: 24 h).</summary>
    public int? EmergencyAmount { get; init; }

    /// <summary>The amounts a caller may choose instead of <see cref="Amount"/>; null = not adjustable.</summary>
    public AmountRange? AmountRange { get; init; }

    /// <summary>Default hour reading; set for hour rules only.</summary>
    public HourReading? HourReading { get; init; }

    /// <summary>Default for day/month rules: does a last day on a rest day move to the next working day?</summary>
    public bool Rollover { get; init; }

    /// <summary>The event the clock runs from, as it reads after "from …" / "自…起".</summary>
    public required LocalizedText StartEvent { get; init; }

    public required LocalizedText Source { get; init; }

    public required LocalizedText Description { get; init; }

    /// <summary>
    /// How long before the due time the clock engine reminds (<c>reminder_before</c>); null = the
    /// engine's default fraction of the period. See <see cref="ClockReminderPolicy"/>.
    /// </summary>
    public TimeSpan? ReminderBefore { get; init; }

    /// <summary>
    /// What reaching the due time means: a missed deadline (<see cref="ClockDueAction.Breach"/>,
    /// recorded and escalated) or the natural end of a validity period (<see cref="ClockDueAction.Lapse"/>).
    /// </summary>
    public ClockDueAction OnDue { get; init; }

    public PeriodReading DefaultReading => Unit switch
    {
        PeriodUnit.Hours => PeriodReading.ForHours(HourReading ?? Clocks.HourReading.ExactInstant),
        PeriodUnit.Days => PeriodReading.ForDays(Rollover),
        _ => PeriodReading.ForMonths(Rollover),
    };

    public int AmountFor(ClockOptions options)
    {
        if (options.Emergency && options.Amount is not null)
        {
            throw new InvalidClockRequestException("clock.emergency-with-amount",
                $"{Id}: choose either the emergency period or an explicit amount, not both.");
        }

        if (options.Emergency)
        {
            return EmergencyAmount ?? throw new InvalidClockRequestException("clock.emergency-not-applicable",
                $"{Id} has no emergency period.");
        }

        if (options.Amount is not { } requested)
        {
            return Amount;
        }

        if (AmountRange is not { } range)
        {
            throw new InvalidClockRequestException("clock.amount-not-adjustable",
                $"{Id} is always {Amount} {UnitName}; its amount cannot be changed.");
        }

        return range.Contains(requested)
            ? requested
            : throw new InvalidClockRequestException("clock.amount-out-of-range",
                $"{Id}: {UnitName} must be between {range.Min} and {range.Max}, got {requested}.");
    }

    public HourReading HourReadingFor(ClockOptions options)
    {
        if (Unit != PeriodUnit.Hours)
        {
            return options.HourReading is null
                ? Clocks.HourReading.ExactInstant // unused by day and month periods
                : throw new InvalidClockRequestException("clock.hour-reading-not-applicable",
                    $"{Id} is counted in {UnitName}; an hour reading does not apply.");
        }

        return options.HourReading ?? HourReading ?? Clocks.HourReading.ExactInstant;
    }

    public bool RolloverFor(ClockOptions options)
    {
        if (Unit == PeriodUnit.Hours && options.Rollover is not null)
        {
            throw new InvalidClockRequestException("clock.rollover-not-applicable",
                $"{Id} is counted in hours; hour periods never move off rest days.");
        }

        return options.Rollover ?? Rollover;
    }

    private string UnitName => Unit.ToString().ToLowerInvariant();
}
