using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Web.Api;

namespace Lianhu.Web.Features.Clocks;

/// <summary>One thing wrong with a clock request: the field, a stable code, an English message and the code's arguments.</summary>
public sealed record ClockRequestError(string Field, string Code, string Message, params object[] Args);

/// <summary>
/// Reads a clock request — rule, start (<c>at</c>), emergency, months, reading — into a computation,
/// or into errors that name the field. One reading of the inputs for the CLI
/// (<c>lianhu clock</c>), the compute endpoint and starting a clock on a case, so all three agree.
/// </summary>
public static class ClockRequest
{
    public const int EarliestYear = 1970;
    public const int LatestYear = 2200;

    public sealed record Result(ClockRule? Rule, ClockComputation? Computation, IReadOnlyList<ClockRequestError> Errors)
    {
        public bool Ok => Computation is not null;

        /// <summary>The errors as a localised ValidationProblem (<c>error.{code}</c> keys).</summary>
        public FieldErrors AddTo(FieldErrors errors)
        {
            foreach (var e in Errors)
            {
                errors.Add(e.Field, e.Code, e.Args);
            }

            return errors;
        }
    }

    /// <param name="ruleField">How the caller named the rule: <c>rule</c> in a body, <c>id</c> in a route.</param>
    public static Result Compute(
        ClockRuleCatalogue catalogue, string? ruleId, string? at, bool emergency, int? months, string? reading, string ruleField = "rule")
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new List<ClockRequestError>();
        ClockRule? rule = null;
        if (string.IsNullOrWhiteSpace(ruleId))
        {
            errors.Add(new(ruleField, "required", "A clock rule id is required."));
        }
        else if (!catalogue.TryGet(ruleId.Trim(), out rule))
        {
            var known = string.Join(", ", catalogue.Rules.Select(r => r.Id));
            errors.Add(new(ruleField, "clock.unknown-rule", $"Unknown clock rule '{ruleId.Trim()}'. Known rules: {known}.", known));
        }

        var start = default(ClockStart);
        if (string.IsNullOrWhiteSpace(at))
        {
            errors.Add(new("at", "required", "A start time is required (ISO-8601 time or date)."));
        }
        else if (!ClockStart.TryParse(at.Trim(), out start))
        {
            errors.Add(new("at", "clock.invalid-start",
                $"'{at.Trim()}' is not a start time: use 2026-03-02T10:00:00+08:00, 2026-03-02T10:00 (Beijing time) or 2026-03-02."));
        }
        else if (start.Day.Year is < EarliestYear or > LatestYear)
        {
            errors.Add(new("at", "clock.start-out-of-range", $"The start must lie between {EarliestYear} and {LatestYear}.", EarliestYear, LatestYear));
        }

        var options = new ClockOptions { Emergency = emergency, Amount = months };
        if (rule is not null && !string.IsNullOrWhiteSpace(reading))
        {
            options = WithReading(options, rule, reading.Trim(), errors);
        }

        if (errors.Count > 0 || rule is null)
        {
            return new Result(rule, null, errors);
        }

        try
        {
            return new Result(rule, catalogue.Compute(rule.Id, start, options), errors);
        }
        catch (InvalidClockRequestException ex)
        {
            errors.Add(Describe(ex, rule, ruleField));
            return new Result(rule, null, errors);
        }
    }

    /// <summary>The reading ids a caller may ask for: both hour readings, and for day/month rules with or without rollover.</summary>
    public static IReadOnlyList<string> ReadingIds { get; } = [.. PeriodReading.All.Select(r => r.Id)];

    private static ClockOptions WithReading(ClockOptions options, ClockRule rule, string reading, List<ClockRequestError> errors)
    {
        string[] fitting = rule.Unit switch
        {
            PeriodUnit.Hours => [PeriodReading.ExactInstantId, PeriodReading.NextFullHourId],
            PeriodUnit.Days => [PeriodReading.DaysRolloverId, PeriodReading.DaysNoRolloverId],
            _ => [PeriodReading.MonthsRolloverId, PeriodReading.MonthsNoRolloverId],
        };
        if (!ReadingIds.Contains(reading))
        {
            var known = string.Join(", ", ReadingIds);
            errors.Add(new("reading", "clock.unknown-reading", $"Unknown reading '{reading}'. Known readings: {known}.", known));
            return options;
        }

        if (!fitting.Contains(reading))
        {
            var names = string.Join(", ", fitting);
            errors.Add(new("reading", "clock.reading-not-applicable", $"{rule.Id} cannot be counted as {reading}; use one of: {names}.", names));
            return options;
        }

        return reading switch
        {
            PeriodReading.ExactInstantId => options with { HourReading = HourReading.ExactInstant },
            PeriodReading.NextFullHourId => options with { HourReading = HourReading.NextFullHour },
            _ => options with { Rollover = reading is PeriodReading.DaysRolloverId or PeriodReading.MonthsRolloverId },
        };
    }

    private static ClockRequestError Describe(InvalidClockRequestException ex, ClockRule rule, string ruleField) => ex.Code switch
    {
        "clock.emergency-not-applicable" or "clock.emergency-with-amount" => new("emergency", ex.Code, ex.Message),
        "clock.amount-out-of-range" when rule.AmountRange is { } range =>
            new("months", ex.Code, ex.Message, range.Min.ToString(CultureInfo.InvariantCulture), range.Max.ToString(CultureInfo.InvariantCulture)),
        "clock.amount-not-adjustable" => new("months", ex.Code, ex.Message, rule.Amount.ToString(CultureInfo.InvariantCulture)),
        "clock.hour-reading-not-applicable" or "clock.rollover-not-applicable" => new("reading", ex.Code, ex.Message),
        _ => new(ruleField, ex.Code, ex.Message),
    };
}
