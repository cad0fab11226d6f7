using System.Globalization;
using Lianhu.Domain.Clocks;
using Lianhu.Domain.Common;
using Lianhu.Domain.Organisation;

namespace Lianhu.Web.Features.Statistics;

/// <summary>The key of a row under a dimension: a division code at the tier asked, an agency id, a stable name, or a period in Asia/Shanghai.</summary>
public static class StatisticsKeys
{
    public static string Of(StatisticsQuery query, Fact f, FactContext context)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(context);
        return query.By switch
        {
            "division" => DivisionAt(f.DivisionCode, query.Tier),
            "lead-agency" => f.LeadAgencyId.ToString(),
            "agency" => f.AgencyId.ToString(),
            "channel" => StableName.Of(f.Channel),
            "risk-level" => context.RiskOf(f.CaseId),
            "kind" => f.Kind,
            "status" => f.Status,
            "period" => PeriodOf(f.At, query.Period),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.By, "Unknown dimension."),
        };
    }

    /// <summary>The code of the division at <paramref name="tier"/> that contains a case's community.</summary>
    public static string DivisionAt(string community, Tier tier)
    {
        ArgumentNullException.ThrowIfNull(community);
        return tier switch
        {
            Tier.City => community[..4] + "00",
            Tier.District => community[..6],
            Tier.Town => community[..9],
            _ => community,
        };
    }

    /// <summary><c>2026-12-07</c>, <c>2026-W49</c> (ISO week), <c>2026-12</c>, <c>2026-Q4</c> or <c>2026</c>, in Asia/Shanghai.</summary>
    public static string PeriodOf(DateTimeOffset at, string period)
    {
        var day = ShanghaiTime.DayOf(at);
        var date = day.ToDateTime(TimeOnly.MinValue);
        return period switch
        {
            "day" => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "week" => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"),
            "quarter" => string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{((day.Month - 1) / 3) + 1}"),
            "year" => day.Year.ToString(CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }
}
