using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;
using Lianhu.Web.Api;
using Lianhu.Web.Identity;
using Microsoft.Extensions.Localization;

namespace Lianhu.Web.Features.Statistics;

/// <summary>
/// What a figure is asked for, as the query string gives it (<c>by</c>, <c>tier</c>, <c>from</c>,
/// <c>to</c>, <c>period</c>; days in Asia/Shanghai, both ends included), checked into a
/// <see cref="StatisticsQuery"/> or field errors in the caller's language.
/// </summary>
public sealed record StatisticsRequest(string? By, string? Tier, string? From, string? To, string? Period)
{
    public const int MaxDays = 3660;

    public static readonly IReadOnlyList<string> Periods = ["day", "week", "month", "quarter", "year"];

    public static StatisticsRequest FromQuery(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new(query["by"], query["tier"], query["from"], query["to"], query["period"]);
    }

    public (StatisticsQuery? Query, FieldErrors? Errors) Check(IndicatorDefinition indicator, CurrentUser user, TimeProvider time, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new FieldErrors(text);
        var by = string.IsNullOrWhiteSpace(By) ? indicator.Dimensions[0] : By.Trim();
        if (!indicator.Dimensions.Contains(by))
        {
            errors.Add("by", "statistics.by", string.Join(", ", indicator.Dimensions));
        }

        var below = user.Division.Tier == Domain.Organisation.Tier.Community ? Domain.Organisation.Tier.Community : user.Division.Tier + 1;
        var tier = below;
        if (!string.IsNullOrWhiteSpace(Tier))
        {
            if (!StableName.TryParse<Tier>(Tier.Trim(), out tier))
            {
                errors.Add("tier", "statistics.tier", string.Join(", ", StableName.All<Tier>()));
            }
            else if (tier < user.Division.Tier)
            {
                errors.Add("tier", "statistics.tier-above-scope", StableName.Of(user.Division.Tier));
            }
        }

        var period = string.IsNullOrWhiteSpace(Period) ? "month" : Period.Trim();
        if (!Periods.Contains(period))
        {
            errors.Add("period", "statistics.period", string.Join(", ", Periods));
        }

        var today = ShanghaiTime.DayOf(time.GetUtcNow());
        var to = Day("to", To, today, errors);
        var from = Day("from", From, to.AddDays(-364), errors);
        if (!errors.Has("from") && !errors.Has("to"))
        {
            if (from > to)
            {
                errors.Add("from", "statistics.from-after-to");
            }
            else if (to.DayNumber - from.DayNumber >= MaxDays)
            {
                errors.Add("to", "statistics.range", MaxDays);
            }
        }

        return errors.Any ? (null, errors) : (new StatisticsQuery(by, tier, from, to, period), null);
    }

    private static DateOnly Day(string field, string? value, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, "statistics.date");
        return fallback;
    }
}

/// <summary>A checked request: the dimension, the division tier, the days (Asia/Shanghai, inclusive) and the period length.</summary>
public sealed record StatisticsQuery(string By, Tier Tier, DateOnly From, DateOnly To, string Period)
{
    // In UTC: PostgreSQL's timestamptz takes only offset 0.
    public DateTimeOffset Start => ShanghaiTime.StartOfDay(From).ToUniversalTime();

    public DateTimeOffset Until => ShanghaiTime.StartOfDay(To.AddDays(1)).ToUniversalTime();

    /// <summary>The filter in words for an audit entry or an export's title: no personal data.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"by={By};tier={StableName.Of(Tier)};from={From:yyyy-MM-dd};to={To:yyyy-MM-dd};period={Period}");
}
