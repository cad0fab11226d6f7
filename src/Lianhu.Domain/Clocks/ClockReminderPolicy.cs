namespace Lianhu.Domain.Clocks;

/// <summary>
/// When a running clock reminds before its due time: the rule's own lead time
/// (<c>reminder_before</c> in config/clocks/rules.json) when it is shorter than the period, otherwise
/// a fraction of the period (the engine's default, configurable). A reminder never falls before the
/// start, so a clock started late reminds at once and breaches at its due time.
/// </summary>
public static class ClockReminderPolicy
{
    public const double DefaultFraction = 0.25;

    public static DateTimeOffset ReminderAt(ClockRule rule, ClockComputation computation, double defaultFraction = DefaultFraction)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(computation);
        if (defaultFraction is <= 0 or >= 1 || double.IsNaN(defaultFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(defaultFraction), defaultFraction, "The reminder fraction must lie strictly between 0 and 1.");
        }

        var start = computation.Period.Start.EarliestInstant;
        var period = computation.Due - start;
        if (period <= TimeSpan.Zero)
        {
            return computation.Due.ToUniversalTime();
        }

        var lead = rule.ReminderBefore is { } before && before < period
            ? before
            : TimeSpan.FromSeconds(Math.Round(period.TotalSeconds * defaultFraction));
        return (computation.Due - lead).ToUniversalTime();
    }
}
