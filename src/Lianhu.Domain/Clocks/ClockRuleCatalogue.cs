using System.Diagnostics.CodeAnalysis;

namespace Lianhu.Domain.Clocks;

/// <summary>
/// The clock rules in force (config/clocks/rules.json) with the holiday calendar they roll over on.
/// Built by <see cref="ClockRuleCatalogueLoader"/>.
/// </summary>
public sealed class ClockRuleCatalogue
{
    private readonly Dictionary<string, ClockRule> rulesById;
    private readonly StatutoryPeriods periods;

    public ClockRuleCatalogue(IEnumerable<ClockRule> rules, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        rulesById = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Calendar = calendar;
        periods = new StatutoryPeriods(calendar);
    }

    /// <summary>The rules in file order (what <c>lianhu clock --list</c> prints).</summary>
    public IReadOnlyList<ClockRule> Rules { get; }

    public HolidayCalendar Calendar { get; }

    public bool TryGet(string ruleId, [MaybeNullWhen(false)] out ClockRule rule) => rulesById.TryGetValue(ruleId, out rule);

    public ClockRule Get(string ruleId) =>
        TryGet(ruleId, out var rule)
            ? rule
            : throw new InvalidClockRequestException("clock.unknown-rule",
                $"Unknown clock rule '{ruleId}'. Known rules: {string.Join(", ", rulesById.Keys)}.");

    public ClockComputation Compute(string ruleId, DateTimeOffset start, ClockOptions? options = null) =>
        Compute(ruleId, ClockStart.At(start), options);

    /// <summary>A start known only by its day: the event happened that day (Beijing time).</summary>
    public ClockComputation Compute(string ruleId, DateOnly start, ClockOptions? options = null) =>
        Compute(ruleId, ClockStart.OnDay(start), options);

    /// <exception cref="InvalidClockRequestException">Unknown rule or options the rule does not allow.</exception>
    public ClockComputation Compute(string ruleId, ClockStart start, ClockOptions? options = null)
    {
        options ??= ClockOptions.Default;
        var rule = Get(ruleId);
        var period = periods.Add(rule.Unit, start, rule.AmountFor(options), rule.HourReadingFor(options), rule.RolloverFor(options));
        return new ClockComputation
        {
            RuleId = rule.Id,
            Due = period.Due,
            LastDay = period.LastDay,
            Reading = period.Reading.Id,
            ReadingText = period.Reading.Text,
            Source = rule.Source,
            Explanation = ClockExplanation.For(rule, period, options.Emergency, Calendar),
            Emergency = options.Emergency,
            OnDue = rule.OnDue,
            Period = period,
        };
    }
}
